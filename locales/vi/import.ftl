# Thông báo khi nhập tệp (tiếng Việt). Mỗi khóa ở đây có trong
# locales/en/import.ftl với cùng các biến.

import-file-empty = tệp trống: cần một dòng tiêu đề như `chi_tieu;ky;gia_tri;ngay`
import-file-unreadable = không đọc được tệp
import-header-unreadable = không đọc được dòng tiêu đề
import-no-header = lỗi: {$file} không có dòng tiêu đề dùng được; không nhập gì
import-cannot-read = không đọc được {$file}
import-changed = {$file} đã thay đổi trong khi đang đọc; không nhập gì
import-directory = {$file} là thư mục: cần một tệp CSV
import-progress = đang nhập {$file}

import-file-utf32 = tệp này là văn bản UTF-32, không đọc được: lưu lại dạng CSV UTF-8 (trong Excel: Tệp › Lưu thành › CSV UTF-8) hoặc Unicode Text
import-file-utf16-no-bom = tệp này giống văn bản UTF-16 nhưng thiếu dấu thứ tự byte (BOM): lưu lại dạng CSV UTF-8 (trong Excel: Tệp › Lưu thành › CSV UTF-8) hoặc Unicode Text
import-file-binary = tệp này không phải văn bản (có byte NUL): lưu trang tính dạng CSV UTF-8 (trong Excel: Tệp › Lưu thành › CSV UTF-8)
import-file-codepage = tệp này không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã cũ như Windows-1258 (Vietnamese ANSI), TCVN3 hoặc Windows-1252; lưu lại dạng CSV UTF-8 (trong Excel: Tệp › Lưu thành › CSV UTF-8; trong LibreOffice: Lưu thành › Text CSV, bộ ký tự Unicode (UTF-8))
import-file-workbook = tệp này là sổ tính ({$kind}), không phải văn bản CSV: nhập nó như tệp .{$kind}, hoặc lưu trang tính dạng CSV UTF-8 (Tệp › Lưu thành › CSV UTF-8)
import-file-xls = tệp này là sổ tính Excel cũ (.xls, OLE2): nhập nó như tệp .xls, hoặc lưu trang tính dạng CSV UTF-8 (Tệp › Lưu thành › CSV UTF-8)
import-file-document = tệp này là văn bản (Word hoặc OpenDocument nén zip), không phải trang tính: chép bảng sang bảng tính rồi lưu dạng CSV UTF-8
import-file-zip = tệp này là tệp nén zip, không phải sổ tính: giải nén rồi nhập tệp CSV bên trong, hoặc lưu trang tính dạng CSV UTF-8
import-file-pdf = tệp này là PDF, không đọc được số liệu: nhập bảng tính dùng để làm báo cáo, lưu dạng CSV UTF-8
import-file-rtf = tệp này là văn bản Rich Text, không phải trang tính: chép bảng sang bảng tính rồi lưu dạng CSV UTF-8

import-comma-vi = các cột cách nhau bằng `,`, nhưng với kiểu số `vi` dấu `,` là dấu thập phân (số 742,3 không có ngoặc kép sẽ bị tách làm hai): lưu tệp với dấu `;` hoặc tab giữa các cột, hoặc nhập với --delimiter , nếu mọi số thập phân đều trong ngoặc kép
import-header-not-utf8 = cột {$n} của dòng tiêu đề không phải văn bản UTF-8: lưu tệp dạng CSV UTF-8
import-header-repeated = cột `{$name}` trùng với cột {$n} `{$other}`: chỉ giữ một cột
import-header-unknown-suggest = không biết cột `{$name}`: có phải ý là `{$suggestion}`?
import-header-unknown = không biết cột `{$name}`: cần các cột Chỉ tiêu, Kỳ, Giá trị, Ngày, Người nhập, Nguồn, Ghi chú, Nhiệm vụ (hoặc indicator, period, value, date, by, source, note, task; các cột STT, Tên, Đơn vị được bỏ qua)
import-header-missing-figure = thiếu cột {$columns}{ $n ->
    [one] {""}
   *[other] {""}
}: số liệu cần Chỉ tiêu, Kỳ và Giá trị (indicator, period, value)
import-header-missing-date = thiếu cột `Ngày` (date): kết quả nhiệm vụ cần ngày hoàn thành của từng nhiệm vụ
import-header-missing = thiếu cột: số liệu cần Chỉ tiêu, Kỳ, Giá trị (indicator, period, value), kết quả nhiệm vụ cần Nhiệm vụ, Ngày (task, date)
import-column-n = cột {$n}

import-cell-not-utf8 = không phải văn bản UTF-8 (byte sai {$byte} ở vị trí {$at}): lưu tệp dạng CSV UTF-8
import-cell-unnamed = có giá trị ở cột không có tiêu đề: đặt tên cho cột {$n} hoặc xóa giá trị
import-row-ragged = dòng này có {$len} ô nhưng dòng tiêu đề có {$expected}: đặt trong ngoặc kép các giá trị có chứa dấu phân cách {$delimiter}
import-quote-never-closed = dấu ngoặc kép `"` mở { $same ->
    [yes] ở dòng này
   *[no] ở dòng {$line}
} không bao giờ đóng: phần còn lại của tệp bị đọc thành { $into ->
    [header] dòng tiêu đề
   *[cell] một ô
}
import-row-both = một dòng hoặc là số liệu (chỉ tiêu, kỳ, giá trị) hoặc là kết quả nhiệm vụ (nhiệm vụ, ngày), không thể cả hai: tách thành hai dòng
import-completion-extra = kết quả nhiệm vụ không có kỳ hay giá trị: đưa số liệu sang một dòng riêng, kèm mã chỉ tiêu
import-completion-no-date = chưa có ngày: kết quả nhiệm vụ cần ngày hoàn thành (YYYY-MM-DD)
import-value-date = ô giá trị chứa ngày ({$date}): định dạng cột là số
import-row-conflict = {$indicator} {$period}: dòng này ghi {$value}, dòng {$other} ghi {$other_value}: một kỳ có hai giá trị; chỉ giữ giá trị đúng
import-row-jump = {$value} { $up ->
    [yes] lớn hơn mười lần
   *[no] nhỏ hơn một phần mười
} số liệu trước ({$period}: {$previous}): có nhầm dấu phân cách không? kiểm tra lại, hoặc nhập với --yes nếu đúng

import-more-bad-rows = … và {$n} dòng lỗi nữa
import-bad-rows = {$bad} dòng lỗi trên {$rows} dòng{ $n ->
    [one] {""}
   *[other] {""}
}; không nhập gì
import-same-file = {$file} đã được nhập thành lô #{$batch} (tệp {$name}, ngày {$date}, người nhập {$by}); dùng --force để nhập lại
import-summary = {$file}: {$rows} dòng{ $n ->
    [one] {""}
   *[other] {""}
}: thêm {$added}, không đổi {$unchanged}
import-summary-batch = {$file}: {$rows} dòng{ $n ->
    [one] {""}
   *[other] {""}
}, lô #{$batch}: thêm {$added}, không đổi {$unchanged}
import-summary-replaced = thay {$n} số liệu (liệt kê dưới đây)
import-summary-skipped = bỏ qua {$n} dòng (ô giá trị trống)
import-summary-dated-today = {$n} dòng ghi ngày hôm nay (không có ngày)
import-summary-jumps = {$n} dòng chênh hơn mười lần so với số liệu trước, đã nhập với --yes
import-dry-run = {" "}(chạy thử: không ghi gì)
import-nothing-new = ; không có gì mới, không ghi gì
import-tally = thêm {$added}, không đổi {$unchanged}
import-replacement = {$indicator} {$period}: {$old} → {$new} (thay cho #{$entry}; {$at})
import-more-replacements = … và {$n} số liệu được thay nữa
import-cannot-create-ledger = không tạo được sổ cái {$file}
import-cannot-finish = không hoàn tất được sổ cái mới {$file}; không nhập gì
import-writer-stopped = luồng ghi sổ cái đã dừng sớm
import-stdin-temp = không tạo được tệp trong {$dir} để chứa dữ liệu nhập chuẩn
import-header-column = cột {$n}: {$message}
import-more-header-problems = … và {$n} lỗi khác ở dòng tiêu đề
import-file-sheet = {$file} (trang {$sheet})
import-summary-hidden = bỏ qua {$n} hàng ẩn (--hidden skip)
import-file-encrypted = bảng tính này có đặt mật khẩu (đã mã hóa) nên không đọc được: mở bằng Excel hoặc LibreOffice với mật khẩu, lưu một bản không mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu: xóa mật khẩu), rồi nhập bản đó
import-file-html = tệp này là một trang web (HTML), không phải bảng số liệu (các cổng thông tin thường xuất bảng như vậy, hay mang đuôi .xls): mở bằng Excel hoặc LibreOffice rồi lưu thành .xlsx (Excel Workbook) hoặc CSV UTF-8, rồi nhập tệp đó
import-file-mhtml = tệp này là một trang web đã lưu (MHTML, "Single File Web Page"), không phải bảng tính: mở bằng Excel rồi lưu thành .xlsx (Excel Workbook) hoặc CSV UTF-8, rồi nhập tệp đó
import-file-spreadsheetml = tệp này là bảng tính XML của Excel 2003, không phải loại bảng tính plan đọc được, dù có thể mang đuôi .xls: mở bằng Excel hoặc LibreOffice rồi lưu thành .xlsx (Excel Workbook) hoặc CSV UTF-8, rồi nhập tệp đó
import-file-xml-workbook = tệp này là XML, không phải bảng tính, dù mang đuôi bảng tính: mở bằng Excel hoặc LibreOffice rồi lưu thành .xlsx (Excel Workbook) hoặc CSV UTF-8, rồi nhập tệp đó
