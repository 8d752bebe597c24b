# Thông báo và nhãn của báo cáo (plan report). Mỗi khóa có trong locales/en/report.ftl với cùng các biến.

# Tham số của `plan report`.
report-bad-period = `{$period}` không phải kỳ báo cáo: cần một năm, 6 tháng, một quý hoặc một tháng (2027, 2027-H1, 2027-Q3, 2027-07)
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
report-ledger-head = Mã kiểm tra sổ số liệu: {$head}
report-ledger-empty = Mã kiểm tra sổ số liệu: sổ chưa có số liệu
report-plan-totals = Toàn kế hoạch
report-attainment = Tỷ lệ đạt: {$pct}
report-rollup-basis = dựa trên {$n}/{$of} chỉ tiêu
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
report-tasks-rate = tỷ lệ hoàn thành {$pct}
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
