# Thông báo của các lệnh (tiếng Việt): lỗi và gợi ý, câu hỏi khi nhập trực
# tiếp, biên nhận và tóm tắt của check, show, log, record, done; thông báo về
# plan.toml (plan-). Mỗi khóa có trong locales/en/commands.ftl với cùng biến.

commands-did-you-mean = có phải là `{$id}`?
commands-show-lists-ids = `plan show` liệt kê mọi mã
commands-show-unknown-id = không có mã `{$id}`: {$hint}
commands-missing-argument = còn thiếu: {$arg}

## plan.toml
commands-plan-not-found = không có tệp kế hoạch `{$file}` trong thư mục {$dir}; hãy chỉ ra tệp kế hoạch bằng --plan TỆP, bằng biến môi trường PLAN_FILE, hoặc chạy plan trong thư mục có plan.toml
commands-plan-unreadable = không đọc được tệp kế hoạch {$file}: {$reason}
commands-plan-invalid = {$file} có {$n} lỗi; `plan check` liệt kê các lỗi
plan-unreadable = không đọc được tệp kế hoạch {$file}: {$reason}

## Rà soát "6 rõ" ({$field}: khóa còn thiếu trong plan.toml).
plan-audit-no-field = thiếu `{$field}`
plan-audit-empty = không có chỉ tiêu hay nhiệm vụ
plan-audit-no-lead = thiếu cơ quan chủ trì (`{$field}`)
plan-audit-no-dates = không có mốc, hạn nhiệm vụ hay năm đạt (`{$field}`)
plan-audit-no-supervisor = thiếu cơ quan giám sát (`{$field}`)
plan-audit-no-frequency = thiếu định kỳ giám sát (`{$field}`)
plan-audit-tasks-without-lead = {$n} nhiệm vụ không có chủ trì: {$ids}
plan-audit-tasks-without-due = {$n} nhiệm vụ không có hạn: {$ids}
plan-audit-tasks-without-deliverable = {$n} nhiệm vụ không có sản phẩm: {$ids}

## check
commands-check-errors = {$file}: {$n} lỗi
commands-check-counts = {$groups} nhóm nhiệm vụ, {$indicators} chỉ tiêu, {$tasks} nhiệm vụ
commands-check-clear = mọi nhóm đều đủ "6 rõ"
commands-check-gaps = còn {$n} chỗ thiếu trong "6 rõ" (cảnh báo; thêm --strict để coi là lỗi)
commands-check-gaps-strict = còn {$n} chỗ thiếu trong "6 rõ" (là lỗi khi có --strict)
commands-check-valid = {$file}: hợp lệ ({$counts}); {$verdict}
commands-check-col-ro = "Rõ"
commands-check-col-gaps = Còn thiếu

## log
commands-log-empty = sổ cái {$ledger} chưa có bút toán nào
commands-ask-clock-ok = Đồng hồ máy bây giờ đã đúng và vẫn ghi bút toán này?
commands-future-entries = { $n ->
    [one] bút toán {$ids} có
   *[other] {$n} bút toán ({$ids}) có
} ngày báo cáo sau hôm nay ({$today}), có lẽ được ghi khi đồng hồ máy chạy nhanh: chưa báo cáo nào tính { $n ->
    [one] bút toán này
   *[other] các bút toán này
}. Nếu ngày đó sai, sửa bằng `plan correct {$first} --reported-on NGÀY --reason "…"` (ngày cũ vẫn giữ trong nhật ký)
commands-future-more = { $n ->
   *[other] và {$n} bút toán khác
}
commands-log-none-match = không có bút toán nào khớp
commands-log-unknown-indicator = --indicator không hợp lệ: không có chỉ tiêu `{$id}`: {$hint}
commands-log-unknown-task = --task không hợp lệ: không có nhiệm vụ `{$id}`: {$hint}
commands-log-filter-is-task = --indicator không hợp lệ: `{$id}` là nhiệm vụ, không phải chỉ tiêu: dùng --task {$id}
commands-log-filter-is-indicator = --task không hợp lệ: `{$id}` là chỉ tiêu, không phải nhiệm vụ: dùng --indicator {$id}
commands-group-wrong-kind = --group không hợp lệ: `{$id}` là { $kind ->
    [task] nhiệm vụ
   *[indicator] chỉ tiêu
}, không phải nhóm nhiệm vụ: `plan show {$id}` cho biết nó thuộc nhóm nào

## record và done: biên nhận
commands-provenance = {$by} báo cáo ngày {$date}
commands-provenance-source = {$by} báo cáo ngày {$date}, theo {$source}
commands-record-receipt = {$indicator} {$period} = {$value} {$unit} ({$provenance})
commands-record-missing-all = còn thiếu: <CHỈ_TIÊU> <GIÁ_TRỊ> --period <KỲ> (gõ `plan record` không kèm tham số thì chương trình hỏi lần lượt từng mục, nhưng chỉ khi chạy trên màn hình dòng lệnh)
commands-done-missing-task = còn thiếu: <NHIỆM_VỤ> (gõ `plan done` không kèm tham số thì chương trình hỏi lần lượt từng mục, nhưng chỉ khi chạy trên màn hình dòng lệnh)
commands-done-receipt = hoàn thành {$task} ({$provenance}; {$timing})
commands-done-on-time = đúng hạn, hạn {$due}
commands-done-late = quá hạn {$days}, hạn {$due}
commands-done-no-deadline = không có hạn
commands-done-already = nhiệm vụ `{$task}` đã được ghi hoàn thành: bút toán #{$entry}, báo cáo ngày {$date}; muốn sửa thì `plan void {$entry} --reason …` rồi `plan done` lại
commands-done-no-tasks = kế hoạch {$plan} không có nhiệm vụ nào

## Câu hỏi (nhập trực tiếp record và done)
commands-ask-no-terminal = không hỏi được trên màn hình này
commands-ask-yes-no-default-yes = C/k
commands-ask-yes-no-default-no = c/K
commands-ask-yes-no-error = trả lời c (có) hoặc k (không)
commands-ask-optional = để trống nếu không có
commands-record-nothing-to-record = kế hoạch {$plan} không có chỉ tiêu nào nhập số liệu được
commands-record-ids = Các chỉ tiêu: {$ids}
commands-ask-indicator = Chỉ tiêu:
commands-ask-indicator-help = gõ mã chỉ tiêu; phím Tab để gợi ý; Ctrl-U xóa cả dòng; Esc, Ctrl-C hoặc Ctrl-D để thôi
commands-record-previous = số liệu trước: {$period} = {$value} {$unit} (#{$entry})
commands-record-no-previous = chưa có số liệu
commands-record-about-indicator = {$name} · đơn vị: {$unit} · báo cáo {$every} · {$previous}
commands-ask-period = Kỳ:
commands-ask-period-help = một kỳ báo cáo {$every} (ví dụ {$example}) hoặc cả năm (ví dụ {$year})
commands-ask-value = Giá trị ({$unit}):
commands-ask-value-help = viết số như {$example}
commands-ask-value-help-previous = kỳ trước {$period}: {$value}; viết số như {$example}
commands-record-jump-up = {$value} lớn hơn mười lần số liệu trước ({$period}: {$previous}): có nhầm dấu phân cách không? Vẫn ghi?
commands-record-jump-down = {$value} nhỏ hơn một phần mười số liệu trước ({$period}: {$previous}): có nhầm dấu phân cách không? Vẫn ghi?
commands-ask-date = Ngày báo cáo:
commands-ask-date-help = ngày của báo cáo: YYYY-MM-DD hoặc {$order}
commands-ask-by = Người báo cáo:
commands-ask-source = Văn bản nguồn:
commands-ask-source-help = ví dụ Báo cáo 15/BC-UBND; để trống nếu không có
commands-ask-note = Ghi chú:
commands-record-confirm = Ghi số liệu này vào sổ cái?
commands-ask-task = Nhiệm vụ:
commands-ask-task-help = gõ mã nhiệm vụ; phím Tab để gợi ý; Ctrl-U xóa cả dòng; Esc, Ctrl-C hoặc Ctrl-D để thôi
commands-ask-done-date = Ngày hoàn thành:
commands-done-confirm = Ghi nhiệm vụ này là đã hoàn thành?

## Lỗi trong plan.toml (src/plan/load.rs)
plan-help-label = gợi ý
plan-did-you-mean = có phải là `{$id}`?
plan-takes = {$what} chỉ nhận: {$keys}
plan-one-of = một trong: {$values}
plan-unknown-key = khóa `{$key}` không dùng được trong {$what}
plan-missing-key = thiếu khóa `{$key}` trong {$what}
plan-wrong-type = `{$key}` phải là {$expected}, nhưng đang là {$found}
# Lỗi cú pháp TOML; {$detail} là lời của thư viện toml (tiếng Anh).
plan-toml-syntax = tệp {$file} sai cú pháp TOML ở dòng {$line}, cột {$column} ({$detail}): hãy sửa chỗ được đánh dấu bên dưới
plan-expect-string = một chuỗi chữ (trong ngoặc kép)
plan-expect-integer = một số nguyên
plan-expect-number = một số
plan-expect-strings = một danh sách chuỗi chữ
plan-expect-table = một bảng
plan-expect-tables = một dãy bảng ([[{$key}]])
plan-expect-agency-name = tên cơ quan (một chuỗi chữ)
plan-expect-bool = true hoặc false
plan-type-string = chuỗi chữ
plan-type-integer = số nguyên
plan-type-float = số thập phân
plan-type-boolean = giá trị true/false
plan-type-datetime = ngày giờ
plan-type-array = danh sách
plan-type-table = bảng
plan-implausible-year = `{$key}` = {$year} không phải là một năm hợp lý
plan-date = `{$key}` phải là ngày dạng 2027-12-31 (không có ngoặc kép)
plan-not-valid = `{$key}` = "{$value}" không hợp lệ
plan-bad-id = mã `{$id}` chỉ được dùng a-z, 0-9 và _
plan-write = viết `{$fixed}`
plan-end-before-start = `end` = {$end} trước `start` = {$start}
plan-horizon = `horizon` = {$horizon} trước năm kết thúc {$end} của kế hoạch
plan-bad-agency-id = mã cơ quan `{$id}` chỉ được dùng a-z, 0-9 và _
plan-no-group = kế hoạch chưa có nhóm nhiệm vụ nào ([[group]])
plan-add-group = thêm ít nhất một nhóm nhiệm vụ
plan-schedule-year = năm {$year} của `schedule` nằm ngoài các năm của kế hoạch {$start}–{$end}
plan-schedule-order = `schedule` kết thúc ({$end}) trước khi bắt đầu ({$start})
plan-schedule-needs = `schedule` cần năm `start` và `end`, ví dụ {"{"} start = 2026, end = 2030 {"}"}
plan-ratio-and-growth = một chỉ tiêu chỉ là `ratio` hoặc `growth`, không thể cả hai
plan-ratio-two = `ratio` cần hai mã chỉ tiêu: [tử số, mẫu số]
plan-derived-remove = chỉ tiêu tính từ chỉ tiêu khác thì không nhập số liệu: bỏ `{$key}`
plan-needs-measure = chỉ tiêu `{$id}` cần `measure` (level, flow hoặc rate), hoặc `ratio`/`growth` nếu tính từ chỉ tiêu khác
plan-needs-every = chỉ tiêu `{$id}` cần `every` (year, half, quarter hoặc month)
plan-baseline-needs = `baseline` cần `year` và `value`, ví dụ {"{"} year = 2025, value = 95 {"}"}
plan-milestones-range = chỉ tiêu dạng khoảng (a..b) không đặt mốc được
plan-milestones-range-help = dùng chỉ tiêu một phía hoặc bỏ các mốc
plan-milestone-key = khóa mốc `{$key}` không phải là năm
plan-weight = `weight` = {$weight} phải lớn hơn 0
plan-max-below-min = `max` = {$max} nhỏ hơn `min` = {$min}
plan-duplicate-id = mã `{$id}` bị trùng: mã của nhóm, chỉ tiêu và nhiệm vụ phải khác nhau trong cả kế hoạch
plan-rename = đổi tên một mã, ví dụ `{$id}_2`
plan-agency-did-you-mean = có phải là `{$id}`? Các cơ quan được liệt kê trong [agencies]
plan-agency-add = thêm `{$id} = "…"` vào [agencies]
plan-unknown-agency = không có cơ quan `{$id}`
plan-by-outside = `by` = {$by} nằm ngoài các năm của kế hoạch {$start}–{$end}
plan-milestone-outside = năm mốc {$year} nằm ngoài các năm của kế hoạch {$start}–{$end}
plan-baseline-order = năm gốc {$year} phải trước năm đạt mục tiêu {$by}
plan-unknown-input = `{$id}` được tính từ chỉ tiêu không có trong kế hoạch `{$input}`
plan-growth-derived = nguồn tính tốc độ tăng `{$input}` phải là chỉ tiêu nhập số liệu, không phải chỉ tiêu tính từ chỉ tiêu khác
plan-self = `{$id}` không thể tính từ chính nó
plan-cycle = các chỉ tiêu tính từ nhau thành vòng: {$path}
plan-due-outside = hạn {$due} nằm ngoài các năm của kế hoạch {$start}–{$end}
plan-target-not-a-target = `{$text}` không phải là cách viết chỉ tiêu
plan-target-range-order = `{$text}`: cận dưới của khoảng lớn hơn cận trên
plan-target-forms = `{$text}` không phải là cách viết chỉ tiêu: viết `>= x`, `> x`, `<= x`, `< x`, `a..b` hoặc `~ x`
plan-target-needs-number = chỉ tiêu cần có một số

# Biên nhận của `plan correct` và `plan void`.
correct-subject-task = nhiệm vụ {$task}
correct-receipt = #{$id} điều chỉnh #{$target}: {$subject} = {$value}{$unit} (trước là {$was}; báo cáo ngày {$date}, người nhập {$by}: {$reason})
correct-superseded = lưu ý: #{$target} đã được thay bằng #{$counting}, là số liệu đang được tính cho {$subject}; điều chỉnh này không làm thay đổi tổng số
correct-redate-receipt = #{$id} đổi ngày báo cáo của #{$target} ({$subject}) thành {$date} (trước là {$was}, vẫn giữ trong nhật ký; người nhập {$by}: {$reason})
correct-jump-yes = kiểm tra lại giá trị; nếu đúng, chạy lại lệnh với --yes
void-what-completion = hoàn thành nhiệm vụ {$task}
void-receipt = #{$id} hủy #{$target} ({$what}; báo cáo ngày {$date}, người nhập {$by}: {$reason})
void-now-counts = {$indicator} {$period} nay tính #{$entry} = {$value}{$unit}
void-now-none = {$indicator} {$period} nay không còn số liệu
void-task-still-done = nhiệm vụ {$task} vẫn đã hoàn thành: #{$entry}, báo cáo ngày {$date}
void-task-open = nhiệm vụ {$task} trở lại chưa hoàn thành
