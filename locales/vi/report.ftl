# Thông báo và nhãn của báo cáo (plan report). Mỗi khóa có trong locales/en/report.ftl với cùng các biến.

# Tham số của `plan report`.
report-bad-period = `{$period}` không phải kỳ báo cáo: cần một năm, 6 tháng, một quý hoặc một tháng (2027, 2027-H1, 2027-Q3, 2027-07)
report-bad-years = `{$years}` không phải một giai đoạn: cần dạng A-B với năm đủ bốn chữ số, A không sau B (ví dụ 2026-2030)
report-outside-plan = {$what} nằm ngoài các năm của kế hoạch {$start}–{$end}
