# dhis2 messages (tiếng Việt). Every key here exists in locales/en/dhis2.ftl with the same variables.

## plan.toml: mã `dhis2` và [export.dhis2]
dhis2-plan-bad-id = `{ $key }` = "{ $value }" không phải mã DHIS2: ghi mã (code) hoặc UID đúng như DHIS2 hiển thị (1 đến 50 ký tự, không có dấu cách ở đầu hay cuối)
dhis2-plan-derived = `{ $id }` là chỉ tiêu tính toán: DHIS2 tự tính các chỉ tiêu này nên không gán mã `dhis2`; hãy bỏ mã và gán mã cho các chỉ tiêu đầu vào
dhis2-plan-duplicate = Phần tử dữ liệu DHIS2 `{ $code }` đã là mã của `{ $other }`: `{ $id }` cần một phần tử dữ liệu riêng

## plan export
dhis2-no-org-unit = kế hoạch chưa cho biết số liệu gửi vào đơn vị nào trên DHIS2: thêm `[export.dhis2]` với `org_unit = "…"` (đơn vị tổ chức của cơ quan, mã hoặc UID) vào tệp kế hoạch
dhis2-adx-no-data-set = ADX cần bộ dữ liệu (data set) cho mỗi nhóm: thêm `data_set = "…"` dưới `[export.dhis2]` trong tệp kế hoạch
dhis2-adx-temp = ADX sắp xếp số liệu theo kỳ qua các tệp tạm trong { $dir } nhưng không thực hiện được: { $reason }. Hãy đặt biến môi trường TMPDIR (TMP trên Windows) chỉ tới một thư mục ghi được, còn trống 32 byte cho mỗi số liệu (32 MB cho một triệu số liệu), rồi chạy lại lệnh
dhis2-adx-temp-missing = thư mục không tồn tại
dhis2-adx-temp-denied = không có quyền ghi vào đó
dhis2-left-out = không xuất các chỉ tiêu chưa có mã `dhis2`: { $ids } (ghi `dhis2 = "…"` cho từng chỉ tiêu để xuất)
dhis2-export-summary = { $file }: { $values } số liệu của đơn vị tổ chức { $org_unit }

## Kỳ
dhis2-period-code = `{ $code }` không phải kỳ DHIS2 mà plan dùng: cần mã năm, 6 tháng, quý hoặc tháng (2027, 2027S1, 2027Q3, 202707)
dhis2-adx-period = `{ $period }` không phải kỳ ADX mà plan dùng: cần ngày đầu kỳ và độ dài, 2027-01-01/P1Y, 2027-07-01/P6M, 2027-07-01/P3M hoặc 2027-07-01/P1M

## plan import một bộ số liệu DHIS2
dhis2-import-no-org-unit = đây là bộ số liệu DHIS2, nhưng kế hoạch chưa cho biết đơn vị tổ chức của cơ quan: thêm `[export.dhis2]` với `org_unit = "…"` vào tệp kế hoạch
dhis2-import-not-utf8 = tệp { $format } này không phải văn bản UTF-8 (byte lỗi ở vị trí { $at }): hãy lưu lại dưới dạng UTF-8
dhis2-import-no-field = thiếu `{ $field }`
dhis2-import-unknown-element = phần tử dữ liệu `{ $code }` không phải mã `dhis2` của chỉ tiêu nào trong kế hoạch { $plan }: ghi `dhis2 = "{ $code }"` cho chỉ tiêu tương ứng, hoặc bỏ số liệu này ra
dhis2-import-unknown-element-suggest = phần tử dữ liệu `{ $code }` không phải mã `dhis2` của chỉ tiêu nào: có phải là `{ $suggestion }`?
dhis2-import-other-org-unit = số liệu của đơn vị tổ chức `{ $org_unit }`, nhưng cơ quan này là `{ $ours }` (`[export.dhis2] org_unit`): chỉ nhập số liệu của cơ quan mình
dhis2-import-bad-value = `{ $value }` không phải số theo cách DHIS2 ghi (dấu `.` thập phân, không phân cách hàng nghìn: 1234.5)
dhis2-import-bad-date = `{ $value }` không phải ngày: ghi YYYY-MM-DD, hoặc mốc thời gian DHIS2 như 2027-10-05T09:30:00.000
dhis2-import-deleted = số liệu đã bị xóa trên DHIS2: sổ cái chỉ ghi những gì đã báo cáo; muốn rút một số liệu, dùng `plan void`
dhis2-import-disaggregated = số liệu chia theo `{ $category }`: kế hoạch chỉ giữ một giá trị cho mỗi chỉ tiêu và kỳ; hãy xuất số tổng
dhis2-import-two-combos = phần tử dữ liệu `{ $code }` có hai tổ hợp phân tổ (`{ $first }` và `{ $second }`): kế hoạch chỉ giữ một giá trị cho mỗi chỉ tiêu và kỳ; hãy xuất số tổng
dhis2-import-not-text = `{ $field }` phải là văn bản, nhưng gặp { $found }
dhis2-import-bad-json = JSON không hợp lệ ở dòng { $line }, cột { $column }: { $message }
dhis2-import-no-data-values = không phải bộ số liệu DHIS2: không thấy `dataValues` (JSON) hay `dataValue` (XML)
dhis2-import-not-object = mỗi số liệu phải là một đối tượng {"{"} "dataElement", "period", "orgUnit", "value" {"}"}, nhưng gặp { $found }
dhis2-import-bad-csv = không đọc được tệp CSV DHIS2: { $message }
dhis2-import-bad-xml = XML không hợp lệ ở dòng { $line }: { $message }
dhis2-import-not-adx = XML có phần tử gốc `{ $root }` (không gian tên `{ $namespace }`) không phải bộ số liệu DHIS2: cần ADX (`<adx xmlns="urn:ihe:qrph:adx:2015">`) hoặc `<dataValueSet>` của DHIS2

## Trợ giúp của `plan export` (phần còn lại ở cli.ftl)
cli-export-about = Xuất các số liệu được tính thành bộ số liệu DHIS2 (JSON, CSV hoặc ADX)
cli-export-format = Định dạng: dhis2-json, dhis2-csv hoặc adx
cli-export-year = Chỉ năm kế hoạch này: cả năm và từng 6 tháng, quý, tháng của năm (mặc định: mọi năm của kế hoạch)
cli-export-period = Chỉ các kỳ nằm trong kỳ này: 2027-H1, 2027-Q3, 2027-07 (hoặc mã DHIS2 2027S1, 2027Q3, 202707)
cli-export-as_of = Bỏ qua các số liệu báo cáo sau ngày này ({$order} hoặc YYYY-MM-DD; mặc định: hôm nay)
cli-export-output = Ghi vào TỆP (ghi bên cạnh rồi đổi tên) thay vì ra màn hình
cli-export-examples =
      plan export --format dhis2-json > so-lieu.json
      plan export --format dhis2-csv --year {$year} --output {$year}.csv
      plan export --format adx --period {$period} --as-of {$year}-12-31
