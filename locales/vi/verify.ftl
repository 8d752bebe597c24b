# Thông báo của lệnh verify, và của sổ cái (chờ lệnh khác ghi xong). Mỗi
# khóa ở đây có trong locales/en/verify.ftl với cùng các biến.

verify-no-ledger = {$file}: chưa có sổ cái (chưa ghi gì): không có gì để kiểm tra
verify-head-no-ledger = {$file}: chưa có sổ cái, nên không thể chứa bút toán ghi ở --head
verify-cannot-read = không đọc được sổ cái {$file} đến cuối
verify-chain-intact = chuỗi nguyên vẹn
verify-chain-broken = chuỗi BỊ HỎNG
verify-summary = {$file}: {$entries} bút toán, {$chain}, lược đồ {$schema}
verify-head = {$file}: đầu chuỗi {$head}
verify-failed = phát hiện {$n} vấn đề trong {$file}
verify-head-form = `{$text}` không phải là dấu vân tay đầu chuỗi: cần dạng ID:HEX như báo cáo in ra (ví dụ 1234:9f2c4e01a7b3d5e6)
verify-head-missing = bút toán #{$id} của đầu chuỗi đã cho ({$id}:{$hex}) không còn trong sổ cái (bị cắt bớt?)
verify-head-differs = mã băm của bút toán #{$id} bắt đầu bằng {$stored}, không phải {$hex} như đầu chuỗi đã cho: sổ cái không còn là sổ cái mà dấu vân tay đó ghi nhận
verify-integrity = kiểm tra toàn vẹn SQLite: {$problem}
verify-integrity-failed = không kiểm tra toàn vẹn SQLite được: {$error}
verify-schema = lược đồ phiên bản {$found}, cần {$expected}
verify-triggers = thiếu các trigger chỉ-ghi-thêm (bị xóa ngoài plan?): bút toán có thể bị sửa
verify-report-refused = không lập báo cáo từ sổ cái {$file}: {$problem}. Chạy `plan verify` để xem sổ đã bị sửa ở đâu; chỉ dùng báo cáo sau khi sổ được khôi phục từ bản sao lưu
verify-other-plan = sổ cái thuộc kế hoạch `{$id}`, không phải `{$plan}` (tệp kế hoạch đã cho)
verify-ids-jump = bút toán #{$id}: số thứ tự nhảy từ #{$prev} lên #{$id} (bút toán bị xóa hoặc chèn ngoài plan?)
verify-hash = bút toán #{$id}: mã băm không khớp nội dung (bị sửa ngoài plan?)
verify-target-after = bút toán #{$id}: trỏ tới #{$target}, không đứng trước nó
verify-target-none = bút toán #{$id}: {$kind} không có bút toán đích
verify-unreadable = bút toán sau #{$prev}: không đọc được ({$error}; bị sửa ngoài plan?)
verify-unreadable-short = bút toán sau #{$prev} không đọc được
verify-later-breaks = {$n} bút toán sau đó cũng sai
verify-entries-other-plan = {$n} bút toán của kế hoạch khác `{$id}` (đầu tiên #{$first})
verify-entries-no-subject = {$n} bút toán không có chỉ tiêu lẫn nhiệm vụ (đầu tiên #{$first})
verify-entries-unknown = {$n} bút toán của { $kind ->
    [task] nhiệm vụ
   *[indicator] chỉ tiêu
} `{$id}`, mà kế hoạch không còn (đầu tiên #{$first})
verify-batch-lost = {$n} bút toán của lô #{$batch}, lô này không có trong sổ cái (đầu tiên #{$first}; bị xóa ngoài plan?)
verify-batch-count = lô #{$batch} đã ghi {$recorded} bút toán nhưng nay chỉ còn {$found} bút toán thuộc lô (bị cắt bớt hoặc thêm ngoài plan?)

ledger-waiting = một lệnh plan khác đang ghi vào sổ cái; đang chờ lệnh đó xong…
ledger-busy = sổ cái {$path} bị một lệnh plan khác khóa suốt {$seconds} giây; không ghi gì: hãy thử lại khi lệnh kia xong

# Mở sổ cái.
ledger-cannot-open = không mở được sổ cái {$path}: kiểm tra thư mục có tồn tại và ghi được không, hoặc chỉ đúng tệp bằng --ledger
ledger-not-a-ledger = {$path} không phải là sổ cái của plan (không đọc được như cơ sở dữ liệu SQLite): chỉ đúng tệp bằng --ledger
ledger-newer = sổ cái {$path} có lược đồ phiên bản {$version}, mới hơn phiên bản chương trình này biết ({$known}): nâng cấp plan để đọc
ledger-read-only-upgrade = sổ cái {$path} có lược đồ phiên bản {$version} và ở đây chỉ đọc được: chạy một lệnh plan bất kỳ với quyền ghi để nâng cấp lên phiên bản {$known}
ledger-other-plan-read = sổ cái {$path} thuộc kế hoạch `{$other}`, không phải `{$plan}`: dùng --ledger để chỉ đúng sổ của kế hoạch này
ledger-other-plan-write = sổ cái {$path} thuộc kế hoạch `{$other}`, không phải `{$plan}`: không ghi số liệu của kế hoạch khác vào sổ này
ledger-upgrade-failed = không nâng cấp được sổ cái {$path} từ lược đồ phiên bản {$version} lên {$known}; sổ vẫn giữ nguyên như trước
ledger-upgrading = đang nâng cấp sổ cái {$path} ({$entries} bút toán) từ lược đồ {$version} lên {$known}, chỉ một lần: việc này mất vài giây
ledger-migration-step = bước lên lược đồ phiên bản {$version}
ledger-foreign-tables = cơ sở dữ liệu có các bảng không phải của plan
ledger-dangling-row = một dòng của bảng `{$table}` trỏ tới dòng không tồn tại
ledger-cannot-write = không ghi được vào sổ cái {$path}
ledger-read-only = sổ cái {$path} nằm ở nơi chỉ đọc được (USB bị khóa ghi, thư mục dùng chung hoặc thư mục chỉ đọc): không ghi gì. Chép sổ cái sang thư mục ghi được, hoặc mở khóa USB, rồi chạy lại lệnh; các lệnh đọc (report, log, verify, export, template) vẫn dùng được ở đó
ledger-disk-full = ổ đĩa chứa sổ cái {$path} đã đầy: không ghi gì (sổ cái vẫn như trước). Giải phóng bớt dung lượng rồi chạy lại lệnh
ledger-io = ổ đĩa chứa sổ cái {$path} bị lỗi đọc/ghi (đầy, bị rút ra hay bị hỏng?): không ghi gì. Kiểm tra ổ đĩa, rồi chạy `plan verify`
ledger-missing = không có sổ cái {$path}: các lệnh đọc không bao giờ tạo sổ cái. Kiểm tra lại đường dẫn (--ledger, PLAN_LEDGER hoặc `ledger` trong kế hoạch); sổ cái mới được tạo bởi lệnh `plan record`, `plan done` hoặc `plan import` đầu tiên
ledger-none-yet = lưu ý: chưa có sổ cái {$path} (chưa ghi gì): mọi số liệu đều hiện là còn thiếu
ledger-unmerged-wal = sổ cái {$path} ở nơi chỉ đọc và còn dữ liệu ghi chưa gộp vào sổ (tệp -wal): đọc ở đó có thể bỏ sót. Chép sổ cái cùng tệp -wal sang thư mục ghi được, hoặc chạy một lệnh plan bất kỳ trên sổ ở nơi ghi được
ledger-clock-behind = đồng hồ máy tính có vẻ sai: bây giờ máy báo {$now}, sớm hơn lần ghi gần nhất vào sổ cái ({$latest}); không ghi gì. Hãy chỉnh lại ngày giờ của máy; nếu chắc chắn đồng hồ máy đúng (lần ghi trước được ghi khi đồng hồ chạy nhanh), chạy lại lệnh với --clock-ok
file-cannot-write = không ghi được {$path}: kiểm tra thư mục có tồn tại và ghi được không
