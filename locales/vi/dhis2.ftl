# dhis2 messages (tiếng Việt). Every key here exists in locales/en/dhis2.ftl with the same variables.

## plan.toml: mã `dhis2` và [export.dhis2]
dhis2-plan-bad-id = `{ $key }` = "{ $value }" không phải mã DHIS2: ghi mã (code) hoặc UID đúng như DHIS2 hiển thị (1 đến 50 ký tự, không có dấu cách ở đầu hay cuối)
dhis2-plan-derived = `{ $id }` là chỉ tiêu tính toán: DHIS2 tự tính các chỉ tiêu này nên không gán mã `dhis2`; hãy bỏ mã và gán mã cho các chỉ tiêu đầu vào
dhis2-plan-duplicate = Phần tử dữ liệu DHIS2 `{ $code }` đã là mã của `{ $other }`: `{ $id }` cần một phần tử dữ liệu riêng

## plan export
dhis2-no-org-unit = kế hoạch chưa cho biết số liệu gửi vào đơn vị nào trên DHIS2: thêm `[export.dhis2]` với `org_unit = "…"` (đơn vị tổ chức của cơ quan, mã hoặc UID) vào tệp kế hoạch
dhis2-adx-no-data-set = ADX cần bộ dữ liệu (data set) cho mỗi nhóm: thêm `data_set = "…"` dưới `[export.dhis2]` trong tệp kế hoạch
dhis2-left-out = không xuất, vì chưa có mã `dhis2`: { $ids } (ghi `dhis2 = "…"` cho từng chỉ tiêu để xuất)
dhis2-export-summary = { $file }: { $values } số liệu của đơn vị tổ chức { $org_unit }
dhis2-year-outside = --year { $year } nằm ngoài các năm của kế hoạch { $start }–{ $end }
dhis2-period-outside = --period { $period } nằm ngoài các năm của kế hoạch { $start }–{ $end }
dhis2-bad-period = --period `{ $value }` không phải kỳ: ghi 2027, 2027-H1, 2027-Q3 hoặc 2027-07 (hoặc mã DHIS2 2027S1, 2027Q3, 202707)
dhis2-bad-as-of = --as-of `{ $value }` không phải ngày: ghi theo dạng YYYY-MM-DD

## Kỳ
dhis2-period-code = `{ $code }` không phải kỳ DHIS2 mà plan dùng: cần mã năm, 6 tháng, quý hoặc tháng (2027, 2027S1, 2027Q3, 202707)
dhis2-adx-period = `{ $period }` không phải kỳ ADX mà plan dùng: cần ngày đầu kỳ và độ dài, 2027-01-01/P1Y, 2027-07-01/P6M, 2027-07-01/P3M hoặc 2027-07-01/P1M
