# Thông báo và nhãn của báo cáo (plan report). Mỗi khóa có trong locales/en/report.ftl với cùng các biến.

# Tham số của `plan report`.
report-bad-years = `{$years}` không phải một giai đoạn: cần dạng A-B với năm đủ bốn chữ số, A không sau B (ví dụ 2026-2030)
report-outside-plan = {$what} nằm ngoài các năm của kế hoạch {$start}–{$end}

# Tiêu đề báo cáo: năm, sơ kết một phần năm, tổng kết giai đoạn.
report-heading-year = Năm {$year}
report-heading-part = { $months ->
    [1] Sơ kết tháng 1/{$year}
    [12] Tổng kết năm {$year}
   *[other] Sơ kết {$months} tháng đầu năm {$year}
}
report-heading-span = Tổng kết giai đoạn {$first}–{$last}
report-as-of = tính đến {$date}
report-through = lũy kế đến {$date}
report-ledger-head = Mã kiểm tra sổ cái: {$head}
report-ledger-empty = Mã kiểm tra sổ cái: sổ cái chưa có bút toán nào
report-plan-totals = Toàn kế hoạch
report-attainment = Tỷ lệ đạt: {$pct}
report-rollup-basis = dựa trên {$n}/{$of} chỉ tiêu
report-no-indicators = Không có chỉ tiêu định lượng
report-estimate = ước
report-estimate-note = ước: số liệu ước thực hiện, báo cáo trước khi hết kỳ; số liệu chính thức khi nhập sẽ thay thế
report-partial-note = * chưa đủ số liệu các kỳ đến ngày {$date}
report-no-target-year = Chưa có chỉ tiêu năm {$year} (mục tiêu {$by}: {$target})
report-no-target-at-all = Không đặt chỉ tiêu (chỉ theo dõi)
report-progress-final = {$pct} mục tiêu {$by}
report-origin-milestone = mốc năm {$year}
report-origin-straight = nội suy từ {$base} năm {$base_year} đến {$target} năm {$by}
report-origin-pro-rata = {$target} đến năm {$by} chia đều theo năm: {$n}/{$of}
report-origin-every-year = áp dụng hằng năm
report-origin-final = mục tiêu đến năm {$by}
report-missing = Thiếu số liệu: {$list}
report-missing-item = {$id} {$period} ({$agency}, quá hạn {$days})
report-overdue = Nhiệm vụ quá hạn: {$list}
report-overdue-item = {$id} ({$agency}, quá hạn {$days})
report-and-more = và {$n} mục khác
report-col-indicator = Chỉ tiêu
report-col-value = Giá trị [tỷ lệ đạt]
report-col-ytd = Lũy kế [% kế hoạch năm]
report-col-target = Mục tiêu
report-col-year-target = Kế hoạch năm
report-col-last-year = Cùng kỳ năm trước [so sánh]
report-col-years = Giá trị các năm
report-col-status = Đánh giá
report-col-reporting = Báo cáo
report-done-no-deadline = {$n} hoàn thành (không có hạn)

# "Không tính được": giá trị hoặc tỷ lệ đạt không tính được, và lý do (SPEC §5:
# không bao giờ NaN hay vô cực). `report --format json` giữ câu tiếng Anh
# trong `attainment_note` với mọi ngôn ngữ.
report-na-value = không tính được ({$why})
report-na-attainment = không tính được: {$why}
report-na-no-data = chưa có số liệu
report-na-target-zero = mục tiêu bằng 0
report-na-value-zero = giá trị thực hiện bằng 0
report-na-not-finite = kết quả vượt giới hạn tính toán
report-na-input-zero = chỉ tiêu `{$input}` năm {$year} bằng 0
report-na-growth-at-most-minus-100 = có năm giảm từ 100 % trở lên

# Trợ giúp của các tham số sơ kết, tổng kết (`plan report --help`).
cli-report-period = Kỳ sơ kết (một phần của năm): 2027-H1, 2027-Q3, 2027-07; 2027 là báo cáo cả năm
cli-report-years = Giai đoạn tổng kết: A-B, ví dụ 2026-2030
report-task-done-no-deadline = Hoàn thành (không có hạn)
report-unknown-group-suggest = không có nhóm nhiệm vụ `{$group}`: có phải `{$suggestion}`?
report-unknown-group = không có nhóm nhiệm vụ `{$group}`: `plan show` liệt kê các nhóm của kế hoạch {$plan}

# Dòng tóm tắt và cột của báo cáo dạng bảng và Markdown (plan report).
report-reports-on-time = {$n}/{$of} đúng hạn
report-reports-late = {$n} trễ, tổng {$days}
report-reports-missing = {$n} thiếu (quá hạn {$days})
report-no-tasks = không có nhiệm vụ trong năm
report-tasks-done-on-time = {$n} hoàn thành đúng hạn
report-tasks-done-late = {$n} hoàn thành quá hạn
report-tasks-done-late-days = {$n} hoàn thành quá hạn ({$days})
report-tasks-open-in-time = {$n} trong hạn
report-tasks-overdue = {$n} quá hạn
report-tasks-overdue-days = {$n} quá hạn ({$days})
report-tasks-no-deadline = {$n} không có hạn
report-tasks-rate = tỷ lệ hoàn thành {$pct} ({$done}/{$due} nhiệm vụ đã đến hạn)
report-final-target = đến {$by}: {$target}
report-lead = chủ trì: {$lead}
report-line-figures = Số liệu: {$text}
report-line-tasks = Nhiệm vụ: {$text}
report-derived = (tính từ chỉ tiêu khác)
report-no-deadline = không có hạn
report-detail-col-indicator = Chỉ tiêu
report-detail-col-period = Kỳ
report-detail-col-value = Giá trị
report-detail-col-reported = Ngày báo cáo
report-detail-col-due = Hạn
report-detail-col-status = Tình trạng
report-detail-col-task = Nhiệm vụ
report-detail-col-lead = Chủ trì
report-detail-col-done = Hoàn thành

# Báo cáo HTML (plan report --format html).
report-html-days = { $n ->
   *[other] {$num} ngày
}
report-html-final-by = đến {$by}
report-html-as-of = số liệu tính đến ngày {$date}
report-html-issued-on = kế hoạch ban hành ngày {$date}
report-html-plan-years = giai đoạn {$start}–{$end}
report-html-implements = Thực hiện: {$document}
report-html-tile-attainment = Tỷ lệ đạt toàn kế hoạch
report-html-tile-on-time = Số liệu báo cáo đúng hạn
report-html-tile-periods = {$n}/{$of} kỳ đến hạn đã có số liệu
report-html-tile-tasks = Nhiệm vụ đến hạn đã hoàn thành
report-html-tile-overdue = {$n} quá hạn
report-html-why-no-indicators = không có chỉ tiêu định lượng
report-html-why-no-target = chưa có chỉ tiêu cho năm {$year}
report-html-why-no-figures = chưa có số liệu đến hạn
report-html-why-not-assessable = chưa đánh giá được
report-html-overview = Tỷ lệ đạt theo nhóm nhiệm vụ, năm {$year}
report-html-no-groups = Kế hoạch không có nhóm nhiệm vụ nào.
report-html-overview-note = Tỷ lệ đạt của nhóm: bình quân gia quyền tỷ lệ đạt của các chỉ tiêu có chỉ tiêu năm, mỗi chỉ tiêu tính tối đa 100 %.
report-html-how-to-read = Cách đọc
report-html-key-value = giá trị theo năm
report-html-key-partial = số liệu chưa đủ các kỳ (*)
report-html-key-target = mục tiêu
report-html-key-range = khoảng mục tiêu
report-html-key-year = năm báo cáo
report-html-key-bar = thanh tỷ lệ đạt (tối đa 100 %; ▸ khi vượt)
report-html-group-attainment = tỷ lệ đạt năm {$year}
report-html-lead = Chủ trì
report-html-indicators = Chỉ tiêu
report-html-figures = Số liệu
report-html-on-time-rate = tỷ lệ đúng hạn {$pct}
report-html-tasks = Nhiệm vụ
report-html-group-no-indicators = Nhóm này không có chỉ tiêu định lượng.
report-html-tasks-in-year = Nhiệm vụ trong năm
report-html-missing-heading = Số liệu chưa báo cáo, đã quá hạn
report-html-overdue-heading = Nhiệm vụ chưa hoàn thành, đã quá hạn
report-html-col-indicator = Chỉ tiêu
report-html-col-value = Giá trị
report-html-col-target = Mục tiêu {$year}
report-html-col-status = Đánh giá, tỷ lệ đạt
report-html-col-trend = Diễn biến {$first}–{$last}
report-html-col-reporting = Báo cáo số liệu
report-html-derived = tính từ chỉ tiêu khác
report-html-partial-mark = số liệu chưa đủ các kỳ trong năm
report-html-last-year = cùng kỳ {$value}
report-html-of-final = so với mục tiêu
report-html-of-final-year = so với mục tiêu {$by}
report-html-derived-reporting = tính từ chỉ tiêu khác
report-html-on-time = đúng hạn {$pct}
report-html-trend-target = mục tiêu {$target}
report-html-no-tasks = Không có nhiệm vụ trong năm.
report-html-no-deadline-set = Chưa xác định thời hạn
report-html-tasks-caption = Nhiệm vụ theo tình trạng: {$tasks}
report-html-total-days = tổng {$days}
report-html-completion-rate = Tỷ lệ hoàn thành nhiệm vụ đã đến hạn: {$pct}
report-html-no-missing = Không có số liệu nào quá hạn.
report-html-col-period = Kỳ
report-html-col-due-report = Hạn báo cáo
report-html-col-overdue = Quá hạn
report-html-col-agency = Cơ quan chịu trách nhiệm
report-html-no-overdue = Không có nhiệm vụ nào quá hạn.
report-html-col-task = Nhiệm vụ
report-html-col-due = Hạn
report-html-col-lead-agency = Cơ quan chủ trì
report-html-deliverable = Sản phẩm: {$deliverable}
report-html-partial-note = * số liệu chưa đủ các kỳ trong năm (tạm tính).
report-html-no-chart = chưa có số liệu và chỉ tiêu

# Sơ kết một phần năm: đánh giá tiến độ (SPEC §5); tổng kết giai đoạn; báo cáo
# chưa hết kỳ (số liệu ước thực hiện).
report-provisional = Số liệu ước thực hiện, tính đến {$date}
report-pct-of-year = {$pct} kế hoạch năm
report-pct-of-cumulative = {$pct} chỉ tiêu lũy kế đến năm {$year}
report-pace-plan = kế hoạch {$months} tháng là {$expected}
report-pace-cumulative = kế hoạch lũy kế đến hết {$months} tháng là {$expected}
report-in-progress-why = chưa có số liệu đầu năm để so tiến độ
report-cumulative-to = lũy kế đến năm {$year}
report-value-year = số liệu năm {$year}
report-upcoming = Nhiệm vụ sắp đến hạn: {$list}
report-upcoming-item = {$id} (hạn {$due}, {$agency})
report-html-upcoming-heading = Nhiệm vụ sắp đến hạn

# --notes (SPEC §4.2).
report-notes-docx-only = --notes là phần văn phòng viết cho báo cáo Word: dùng kèm --format docx (không dùng với --format {$format})
report-notes-unreadable = không đọc được tệp ghi chú {$file}: {$reason}
report-notes-unknown-key = {$at}: không có mục `{$key}`; các mục dùng được: {$keys}
report-notes-twice = {$at}: mục `{$key}` đã có ở dòng {$first}: gộp hai phần làm một
report-notes-before-heading = {$at}: nội dung nằm trước tiêu đề `## MỤC` đầu tiên: đặt nó dưới một mục (ví dụ `## lanh_dao`)
