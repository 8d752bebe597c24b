# Từ và thông báo dùng chung cho mọi lệnh. Mỗi khóa có trong locales/en với
# cùng các biến.

common-error = lỗi: {$message}
common-hint = gợi ý: {$message}
common-days = {$n} ngày
common-cancelled = đã hủy, không ghi gì
common-yes = có
common-no = không
