# workbook messages (tiếng Việt). Every key here exists in locales/en/workbook.ftl.ftl with the same variables.

workbook-no-sheet = bảng tính không có trang `{ $sheet }`; các trang có trong tệp: { $sheets }
workbook-empty = bảng tính không có trang nào
workbook-no-header = không tìm thấy dòng tiêu đề trong trang { $sheet }: cần một dòng tên cột như chi_tieu, ky, gia_tri, ngay
workbook-unreadable = không đọc được tệp này như một bảng tính ({ $detail }): hãy mở bằng Excel hoặc LibreOffice rồi lưu lại (.xlsx), hoặc lưu trang tính thành CSV UTF-8

## Bảng tính xuất ra: tên trang, dòng tiêu đề, tên cột.
workbook-sheet-summary = Tổng hợp
workbook-sheet-periods = Các kỳ báo cáo
workbook-sheet-tasks = Nhiệm vụ
workbook-sheet-log = Nhật ký
workbook-group-totals = Cả nhóm
workbook-lead-line = Chủ trì: { $lead }
workbook-whole-plan = Toàn kế hoạch
workbook-partial = chưa đủ kỳ
workbook-col-section = Mục
workbook-col-group = Nhóm nhiệm vụ
workbook-col-group-id = Nhóm
workbook-col-id = Mã
workbook-col-lead = Chủ trì
workbook-col-attainment = Tỷ lệ đạt
workbook-col-exceeded = Vượt
workbook-col-met = Đạt
workbook-col-not-met = Chưa đạt
workbook-col-no-data = Chưa có số liệu
workbook-col-no-target = Chưa có chỉ tiêu
workbook-col-on-time = Số liệu đúng hạn
workbook-col-late = Số liệu trễ hạn
workbook-col-missing = Số liệu còn thiếu
workbook-col-done-on-time = Nhiệm vụ hoàn thành đúng hạn
workbook-col-done-late = Nhiệm vụ hoàn thành quá hạn
workbook-col-open-in-time = Nhiệm vụ đang làm, trong hạn
workbook-col-open-overdue = Nhiệm vụ quá hạn
workbook-col-completion-rate = Tỷ lệ hoàn thành nhiệm vụ
workbook-col-stt = STT
workbook-col-indicator = Chỉ tiêu
workbook-col-unit = Đơn vị
workbook-col-value = Giá trị
workbook-col-target = Mục tiêu
workbook-col-status = Đánh giá
workbook-col-partial = Chưa đủ kỳ
workbook-col-days-late = Số ngày trễ
workbook-col-days-overdue = Số ngày quá hạn
workbook-col-period = Kỳ
workbook-col-reported-on = Ngày báo cáo
workbook-col-due = Hạn
workbook-col-days = Số ngày
workbook-col-task = Nhiệm vụ
workbook-col-deliverable = Sản phẩm
workbook-col-done-on = Ngày hoàn thành
workbook-col-entry = Mã số
workbook-col-kind = Loại
workbook-col-item = Chỉ tiêu / nhiệm vụ
workbook-col-value-text = Giá trị như đã nhập
workbook-col-recorded-at = Thời điểm ghi (UTC)
workbook-col-by = Người nhập
workbook-col-source = Nguồn
workbook-col-note = Ghi chú
workbook-col-batch = Đợt nhập
workbook-col-progress = Tiến độ so với mục tiêu cuối kỳ

## plan template
workbook-template-outside = kỳ { $period } nằm ngoài các năm của kế hoạch ({ $start }–{ $end })
workbook-template-none-for-period = không có chỉ tiêu nào báo cáo theo kỳ như { $period }: không có gì cần điền
workbook-template-none-missing = đã có đủ số liệu đến hạn tính đến ngày { $date }: không có gì cần điền
workbook-sheet-template = Số liệu
workbook-template-title = Mẫu báo cáo số liệu — Kế hoạch { $plan }
workbook-template-period = Kỳ: { $period }
workbook-template-missing = Các kỳ đã đến hạn mà chưa có số liệu, tính đến ngày { $date }
workbook-template-how = Điền cột gia_tri (và ngay, nguoi_nhap, nguon), rồi nhập bằng lệnh: plan import TÊN_TỆP
workbook-sheet-not-workbook = --sheet chỉ dùng cho bảng tính (.xlsx, .xls, .ods), mà { $file } không phải bảng tính
workbook-validate-title = Không phải số hoặc ngày
workbook-validate-number = Hãy nhập một con số, với dấu phân cách của bảng tính này (ví dụ 1.234,5).
workbook-validate-date = Hãy nhập một ngày, ví dụ 31/12/2027.

# Báo cáo: căn cứ tỷ lệ đạt, tiến độ (SPEC §5).
workbook-col-rollup-count = Số chỉ tiêu tính tỷ lệ đạt
workbook-col-indicator-count = Tổng số chỉ tiêu
workbook-col-tracked = Chỉ theo dõi
workbook-col-on-track = Đạt tiến độ
workbook-col-behind = Chậm tiến độ
workbook-col-in-progress = Đang thực hiện
workbook-col-tasks-done = Nhiệm vụ đến hạn đã hoàn thành
workbook-col-tasks-due = Nhiệm vụ đã đến hạn
workbook-col-expected = Kế hoạch theo tiến độ
workbook-col-pace-attainment = % kế hoạch theo tiến độ
workbook-upcoming = Sắp đến hạn
