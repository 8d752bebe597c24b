# Thông báo về dữ liệu nhập (tiếng Việt): ngày, số, kỳ, văn bản, mã. Mỗi
# khóa ở đây có trong locales/en/input.ftl với cùng các biến.

input-id-missing = chưa nhập mã { $kind ->
    [task] nhiệm vụ
   *[indicator] chỉ tiêu
}
input-id-unknown-suggest = không có { $kind ->
    [task] nhiệm vụ
   *[indicator] chỉ tiêu
} `{$id}`: có phải ý là `{$suggestion}`?
input-id-unknown = không có { $kind ->
    [task] nhiệm vụ
   *[indicator] chỉ tiêu
} `{$id}`: `plan show` liệt kê các mã { $kind ->
    [task] nhiệm vụ
   *[indicator] chỉ tiêu
} của kế hoạch {$plan}
input-id-is-task = `{$id}` là nhiệm vụ, không phải chỉ tiêu: đánh dấu hoàn thành bằng `plan done {$id}` (trong tệp nhập: ghi vào cột nhiệm vụ)
input-id-is-indicator = `{$id}` là chỉ tiêu, không phải nhiệm vụ: nhập số liệu bằng `plan record {$id} GIÁ_TRỊ --period KỲ` (trong tệp nhập: ghi vào cột chỉ tiêu)
input-id-is-derived-indicator = `{$id}` là chỉ tiêu, không phải nhiệm vụ
input-derived = `{$id}` là chỉ tiêu tính toán ({$from}): được tính ra, không nhập tay; hãy nhập các chỉ tiêu đầu vào
input-derived-ratio = tỷ lệ {$num} / {$den}
input-derived-growth = tốc độ tăng của {$of}

input-date-empty = chưa nhập ngày: viết YYYY-MM-DD hoặc {$pattern}
input-date-form = `{$text}` không phải là ngày: viết YYYY-MM-DD (ví dụ 2027-01-15) hoặc {$pattern} (ví dụ {$example})
input-date-serial = `{$text}` giống số thứ tự ngày của bảng tính, không phải ngày: định dạng cột là ngày (YYYY-MM-DD hoặc {$pattern}) trước khi lưu
input-date-short-year = `{$text}` có năm hai chữ số, không được đoán: viết đủ bốn chữ số của năm, dạng YYYY-MM-DD hoặc {$pattern} (ví dụ 2026-04-08 hoặc 08/04/2026)
input-date-year = `{$text}`: năm {$year} trước năm {$first}, nhiều khả năng là năm hai chữ số bị thêm số 0: viết đủ năm (ví dụ 2026)
input-date-order = `{$text}` không phải là ngày theo thứ tự {$pattern} (khóa `dates` của kế hoạch), nhưng đúng theo thứ tự {$other}: để khỏi nhầm, viết theo dạng YYYY-MM-DD: {$iso} (hoặc {$written})
input-date-order-file = `{$text}` không phải là ngày theo thứ tự {$pattern} (khóa `dates` của kế hoạch), nhưng đúng theo thứ tự {$other}: viết {$written} hoặc {$iso}; tệp ghi tháng trước ngày thì nhập với --dates
input-date-no-such-day = `{$text}` không phải là ngày: không có ngày này trên lịch; kiểm tra lại ngày và tháng
input-date-future = ngày {$date} sau hôm nay ({$today}): có lẽ gõ nhầm; chỉ ghi những việc đã diễn ra
input-date-before-period = ngày {$date} trước khi kỳ {$period} bắt đầu ({$start}): số liệu chỉ được báo cáo khi kỳ đã bắt đầu; kiểm tra lại năm
input-period-not-begun = kỳ {$period} chưa bắt đầu (hôm nay là {$today}; kỳ bắt đầu {$start}): chưa thể có số liệu của kỳ này
input-date-before-plan = ngày {$date} trước năm đầu của kế hoạch ({$first}): kiểm tra lại năm
input-today-invalid = PLAN_TODAY=`{$text}` không phải là ngày: cần dạng YYYY-MM-DD, năm đủ bốn chữ số

input-number-empty = giá trị trống: cần một số
input-number-wrong-style = `{$text}` không rõ nghĩa theo kiểu số `{$style}` (số viết như {$example}): viết `{$suggestion}`
input-number-ambiguous = `{$text}` không rõ nghĩa theo kiểu số `{$style}` (số thập phân hay hàng nghìn?): viết `{$decimal}` hoặc `{$thousands}`
input-number-invalid = `{$text}` không phải là số theo kiểu `{$style}` (ví dụ {$example})
input-number-too-large = `{$text}` quá lớn, không thể là số liệu: kiểm tra lại giá trị
input-number-digits = `{$text}` có {$digits} chữ số có nghĩa: chỉ giữ chính xác được {$max}; kiểm tra lại giá trị

input-value-percent = `{$text}` có dấu `%`, nhưng `{$id}` tính bằng {$unit}: chỉ viết con số
input-value-not-finite = không phải là một số hữu hạn
input-value-below-min = {$value} nhỏ hơn giá trị nhỏ nhất hợp lệ của `{$id}` ({$min}): kiểm tra lại (số đếm không bao giờ âm)
input-value-above-max = {$value} lớn hơn giá trị lớn nhất hợp lệ của `{$id}` ({$max}): kiểm tra lại
input-value-not-integer = {$value} không phải là số nguyên, mà `{$id}` đếm theo {$unit}: kiểm tra lại dấu thập phân

input-period-empty = chưa nhập kỳ: cần dạng YYYY, YYYY-H1..H2, YYYY-Q1..Q4 hoặc YYYY-MM (ví dụ 2027, 2027-H1, 2027-Q3, 2027-07)
input-period-form = `{$text}` không phải là kỳ: cần dạng YYYY, YYYY-H1..H2, YYYY-Q1..Q4 hoặc YYYY-MM (ví dụ 2027, 2027-H1, 2027-Q3, 2027-07), hoặc Q3/2027, T7/2027
input-period-short-year = `{$text}` có năm hai chữ số, không được đoán: viết đủ năm (ví dụ 2027-Q3, Q3/2027)
input-period-year = `{$text}`: năm trước {$first} nhiều khả năng là năm hai chữ số bị thêm số 0: viết đủ năm (ví dụ 2027-Q3)
input-period-is-date = `{$text}` là ngày, không phải kỳ: có thể bảng tính đã đổi kỳ thành ngày; định dạng cột là văn bản rồi gõ kỳ (ví dụ 2027-07 hoặc 2027-Q3)
input-period-cadence = kỳ `{$period}` không hợp với `{$id}`, chỉ tiêu báo cáo theo { $every ->
    [year] năm
    [half] 6 tháng
    [quarter] quý
   *[month] tháng
}: dùng kỳ như `{$example}` hoặc cả năm `{$year}`
input-period-outside = kỳ `{$period}` nằm ngoài các năm của kế hoạch {$start}–{$end}

input-text-control = không được có ký tự điều khiển ({$code}, ký tự thứ {$at}): hãy xóa nó (kể cả xuống dòng, tab và mã điều khiển màn hình)
input-text-too-long = {$n} ký tự: tối đa {$max}; viết ngắn gọn, phần còn lại để trong văn bản nguồn

input-invalid-arg = {$arg} không hợp lệ: {$message}
input-reason-empty = trống; ghi rõ lý do, ví dụ --reason "Số liệu chính thức của Chi cục Thống kê"
input-replaces = thay cho #{$entry} ({$period} = {$old})
input-jump = {$value} { $up ->
    [yes] lớn hơn mười lần
   *[no] nhỏ hơn một phần mười
} số liệu trước ({$period}: {$previous}, #{$entry}): có nhầm dấu phân cách không?
input-jump-yes = kiểm tra lại giá trị; nếu đúng, nhập lại với --yes

correct-no-ledger = không có bút toán #{$id}: sổ cái {$file} chưa có bút toán nào
correct-no-entry = không có bút toán #{$id} trong sổ cái: `plan log` liệt kê các bút toán
correct-other-plan = bút toán #{$id} thuộc kế hoạch `{$other}`, không phải `{$plan}`: không sửa số liệu của kế hoạch khác
correct-of-nothing = bút toán #{$id} là bút toán điều chỉnh không trỏ tới bút toán nào
correct-a-void = bút toán #{$id} là bút toán hủy: không có giá trị để điều chỉnh; để khôi phục #{$target}, { $task ->
    [yes] ghi lại `plan done`
   *[no] nhập lại số liệu
}
correct-a-completion = bút toán #{$id} là kết quả hoàn thành nhiệm vụ `{$task}`: không có giá trị để điều chỉnh; hãy hủy nó rồi ghi lại `done`
correct-not-a-figure = bút toán #{$id} điều chỉnh #{$target}, vốn không phải số liệu
correct-voided = bút toán #{$id} đã bị hủy bởi #{$void}: không còn gì để điều chỉnh; hãy nhập số liệu mới
void-a-void = bút toán #{$id} là bút toán hủy: không thể hủy một bút toán hủy; để khôi phục #{$target}, { $task ->
    [yes] ghi lại `plan done`
   *[no] nhập lại số liệu
}
void-already = bút toán #{$id} đã bị hủy bởi #{$void}
input-arg-value = giá trị
input-arg-indicator = chỉ tiêu
input-arg-task = nhiệm vụ
input-arg-entry = bút toán
input-legacy-font = `{$text}` được gõ bằng phông chữ cũ {$font}, không phải Unicode: đọc đúng là “{$decoded}”. Hãy chuyển mã tệp sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn {$unikey}, đích Unicode), lưu lại rồi nhập lại
