# Từ ngữ trong bảng (tiếng Việt): chỉ tiêu và kỳ viết bằng lời, loại số
# liệu, kỳ báo cáo, cách tính, đánh giá, phân loại nhiệm vụ, tiêu đề cột của
# show, log và check. Mỗi khóa có trong locales/en/tables.ftl với cùng biến.

## Chỉ tiêu bằng lời: {$x}, {$a}, {$b} là số đã viết theo kiểu số của kế
## hoạch, kèm đơn vị nếu có.
tables-target-at-least = từ {$x} trở lên
tables-target-above = trên {$x}
tables-target-at-most = không quá {$x}
tables-target-below = dưới {$x}
tables-target-range = từ {$a} đến {$b}
tables-target-about = khoảng {$x}

## Kỳ bằng lời ({$year} là chữ, không tách nhóm nghìn).
tables-period-year = Năm {$year}
tables-period-half = { $index ->
    [1] 6 tháng đầu năm {$year}
   *[2] 6 tháng cuối năm {$year}
}
tables-period-quarter = Quý {$index}/{$year}
tables-period-month = Tháng {$index}/{$year}

## Kỳ báo cáo của chỉ tiêu.
tables-every-year = hằng năm
tables-every-half = 6 tháng một lần
tables-every-quarter = hằng quý
tables-every-month = hằng tháng

## Loại số liệu.
tables-measure-level = số hiện có tại thời điểm
tables-measure-flow = số phát sinh trong kỳ
tables-measure-rate = tỷ lệ

## Cách so giá trị của năm với chỉ tiêu.
tables-basis-end = giá trị đạt được đến năm mục tiêu
tables-basis-year = từng năm
tables-basis-average = bình quân các năm
tables-basis-compound = tăng bình quân hằng năm
tables-basis-cumulative = lũy kế từ đầu kỳ kế hoạch

## Đánh giá chỉ tiêu.
tables-status-exceeded = Vượt
tables-status-met = Đạt
tables-status-not-met = Chưa đạt
tables-status-no-data = Chưa có số liệu
tables-status-no-target = Chưa có chỉ tiêu
tables-status-tracked = Chỉ theo dõi
tables-status-on-track = Đạt tiến độ
tables-status-behind = Chậm tiến độ
tables-status-in-progress = Đang thực hiện

## Tình trạng số liệu của một kỳ.
tables-period-on-time = đúng hạn
tables-period-late = trễ hạn
tables-period-missing = chưa báo cáo, quá hạn
tables-period-not-yet-due = chưa đến hạn

## Bốn loại theo dõi nhiệm vụ, và nhiệm vụ không có hạn.
tables-task-done-on-time = Hoàn thành đúng hạn
tables-task-done-late = Hoàn thành quá hạn
tables-task-open-in-time = Chưa hoàn thành, trong hạn
tables-task-open-overdue = Chưa hoàn thành, quá hạn
tables-task-no-deadline = Không có hạn

## Loại bút toán trong sổ.
tables-kind-figure = số liệu
tables-kind-completion = hoàn thành
tables-kind-correction = điều chỉnh
tables-kind-void = hủy

tables-derived = tính từ chỉ tiêu khác
tables-derived-ratio = {$num} / {$den} × 100
tables-derived-growth = tốc độ tăng của {$of} so với năm trước
tables-no-deadline = không có hạn
tables-by-year = đến năm {$year}
tables-estimate = ước

## Tiêu đề cột và bảng.
tables-col-group = Nhóm
tables-col-task-group = Nhóm nhiệm vụ
tables-col-section = Mục
tables-col-name = Tên
tables-col-lead = Chủ trì
tables-col-partners = Phối hợp
tables-col-indicator = Chỉ tiêu
tables-col-indicators = Chỉ tiêu
tables-col-task = Nhiệm vụ
tables-col-tasks = Nhiệm vụ
tables-col-unit = Đơn vị
tables-col-target = Mục tiêu
tables-col-reported = Kỳ báo cáo
tables-col-due = Hạn
tables-col-product = Sản phẩm
tables-col-field = Mục
tables-col-id = Mã
tables-col-value = Giá trị
tables-col-content = Nội dung
tables-col-measure = Loại số liệu
tables-col-basis = Cách tính
tables-col-derived-from = Tính từ
tables-col-by = Năm đạt
tables-col-baseline = Năm gốc
tables-col-milestones = Mốc
tables-col-weight = Trọng số
tables-col-note = Ghi chú
tables-col-group-goal = Mục tiêu của nhóm
tables-col-funding = Nguồn lực
tables-col-entry = #
tables-col-kind = Loại
tables-col-item = Chỉ tiêu / nhiệm vụ
tables-col-period = Kỳ
tables-col-date = Ngày
tables-col-details = Người nhập, nguồn, ghi chú
tables-col-status = Tình trạng
tables-title-groups = Nhóm nhiệm vụ
tables-title-indicators = Chỉ tiêu
tables-title-tasks = Nhiệm vụ
tables-title-period = {$start}–{$end}

## Sáu "rõ" (SPEC §2).
tables-ro-work = 1. Rõ nội dung
tables-ro-executor = 2. Rõ chủ thể
tables-ro-responsibility = 3. Rõ trách nhiệm
tables-ro-timeline = 4. Rõ tiến độ
tables-ro-product = 5. Rõ sản phẩm
tables-ro-supervision = 6. Rõ giám sát
tables-ro-with = phối hợp: {$partners}

## Tình trạng của một bút toán (log).
tables-log-voids = hủy #{$entry}
tables-log-corrects = sửa #{$entry}
tables-log-voided-by = đã hủy bởi #{$entry}
tables-log-superseded-by = thay bằng #{$entry}
tables-log-corrected-by = đã sửa bởi #{$entry}
tables-log-backdated = nhập lùi ngày {$days}
tables-log-redates = đổi ngày báo cáo của #{$entry} thành {$date}
tables-log-redated-by = đã đổi ngày báo cáo bằng #{$entry}
tables-log-future = ngày báo cáo sau hôm nay (đồng hồ máy chạy nhanh?): chưa được tính
