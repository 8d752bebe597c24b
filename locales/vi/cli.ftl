# Dòng lệnh (tiếng Việt): trợ giúp của mọi lệnh và tham số, ví dụ (dùng mã
# của kế hoạch đang dùng), lỗi cách dùng. Mỗi khóa có trong locales/en/cli.ftl
# với cùng biến.

cli-about = Sổ theo dõi chỉ tiêu của kế hoạch hành động, theo nguyên tắc "6 rõ"
cli-usage-heading = Cách dùng:
cli-usage-options = [TÙY_CHỌN]
cli-heading-arguments = Tham số
cli-heading-options = Tùy chọn
cli-heading-commands = Lệnh
cli-value-command = LỆNH
cli-placeholder-indicator = MÃ_CHỈ_TIÊU
cli-placeholder-task = MÃ_NHIỆM_VỤ
cli-placeholder-group = MÃ_NHÓM

## Ví dụ: {$indicator}, {$task}, {$group} là mã trong kế hoạch đang dùng;
## {$period} là một kỳ của chỉ tiêu; {$value} là số viết theo kiểu của kế hoạch.
cli-examples =
      plan check
      plan show {$indicator}
      plan record {$indicator} {$value} --period {$period} --source "Báo cáo 15/BC-UBND"
      plan record                      (hỏi lần lượt từng mục)
      plan done {$task}
      plan report --year {$year}
cli-examples-heading = Ví dụ:
cli-environment = Biến môi trường: PLAN_FILE, PLAN_LEDGER, PLAN_TODAY (YYYY-MM-DD, thay cho ngày hôm nay), NO_COLOR, COLUMNS (độ rộng của bảng).
cli-check-examples =
      plan check
      plan check --strict
      plan check --format json
cli-show-examples =
      plan show
      plan show {$indicator}
      plan show {$group} --format md
cli-record-examples =
      plan record {$indicator} {$value} --period {$period} --source "Báo cáo 15/BC-UBND"
      plan record {$indicator} {$value} --period {$year} --date {$date}
      plan record                      (hỏi lần lượt từng mục)
cli-done-examples =
      plan done {$task} --source "Quyết định 45/QĐ-UBND"
      plan done                        (hỏi lần lượt từng mục)
cli-import-examples =
      plan import so-lieu.csv
      plan import so-lieu.csv --dry-run
      cat so-lieu.csv | plan import - --numbers en
      plan import so-lieu.xlsx --sheet "Quý 3"
      plan import so-lieu.xlsx --hidden skip    (bỏ qua hàng, cột ẩn)
cli-correct-examples =
      plan correct 42 {$value} --reason "Số liệu chính thức của Chi cục Thống kê"
cli-void-examples =
      plan void 42 --reason "Nhập nhầm chỉ tiêu"
cli-log-examples =
      plan log
      plan log --indicator {$indicator} --year {$year}
      plan log --format json
cli-report-examples =
      plan report --year {$year}
      plan report --year {$year} --detail
      plan report --group {$group} --format json
      plan report --format html > bao-cao.html
      plan report --format xlsx --output bao-cao.xlsx
      plan report --period {$year}-H1
      plan report --period {$year}-Q3 --format docx --output bao-cao.docx
      plan report --period {$year}-H1 --format docx --notes ghi-chu-so-ket.md --output so-ket.docx
      plan report --years {$year}-{$end}
cli-template-examples =
      plan template --format xlsx > mau-so-lieu.xlsx
      plan template --period {$period} --format xlsx --output mau-{$period}.xlsx
      plan template > mau-so-lieu.csv
cli-verify-examples =
      plan verify
cli-history-examples =
      plan history
      plan history --show 1
      plan history --format json
cli-completions-examples =
      plan completions bash > /etc/bash_completion.d/plan
      plan completions zsh > ~/.zfunc/_plan

## Việc của từng lệnh.
cli-check-about = Kiểm tra tệp plan.toml và rà soát "6 rõ" của từng nhóm nhiệm vụ
cli-show-about = Xem nhóm nhiệm vụ, chỉ tiêu, nhiệm vụ và mục tiêu: các mã cần gõ
cli-record-about = Nhập một số liệu (gõ không kèm tham số trên màn hình: hỏi lần lượt từng mục)
cli-done-about = Ghi nhận nhiệm vụ đã hoàn thành (gõ không kèm tham số: hỏi lần lượt từng mục)
cli-import-about = Nạp số liệu và kết quả hoàn thành từ tệp (nạp hết hoặc không nạp gì)
cli-correct-about = Điều chỉnh giá trị của một bút toán (bằng một bút toán mới thay thế)
cli-void-about = Hủy một bút toán (bằng một bút toán mới hủy nó)
cli-log-about = Nhật ký các bút toán trong sổ cái
cli-report-about = Tỷ lệ đạt và tình hình báo cáo, hoàn thành của từng nhóm nhiệm vụ trong năm
cli-template-about = Mẫu bảng tính để điền số liệu đến hạn, điền xong nạp lại được ngay
cli-verify-about = Kiểm tra sổ cái: tính toàn vẹn, phiên bản, chuỗi mã băm, mã lạ
cli-history-about = Các phiên bản kế hoạch sổ đã ghi, và các lần điều chỉnh kế hoạch
cli-history-show = In văn bản của phiên bản kế hoạch N (N như plan history liệt kê)
cli-history-format = Định dạng: table hoặc json (mặc định: table)
cli-completions-about = In mã tự hoàn thành lệnh cho shell

## Tham số dùng chung (cli-arg-MÃ) và tham số có nghĩa riêng theo lệnh
## (cli-LỆNH-MÃ).
cli-arg-help = Xem trợ giúp
cli-arg-version = Xem phiên bản
cli-arg-plan = Tệp kế hoạch (nếu không: biến PLAN_FILE, nếu không: ./plan.toml)
cli-arg-ledger = Tệp sổ cái (nếu không: biến PLAN_LEDGER, [plan] ledger, hoặc ledger.db cạnh tệp kế hoạch)
cli-arg-lang = Ngôn ngữ của thông báo và bảng: vi hoặc en (nếu không: lang của kế hoạch)
cli-arg-format = Kiểu kết quả: table, csv, json hoặc md (mặc định: table)
cli-report-format = Kiểu kết quả: table, csv, json, md, html, docx hoặc xlsx (mặc định: table)
cli-log-format = Kiểu kết quả: table, csv, json, md hoặc xlsx (mặc định: table)
cli-template-format = Kiểu kết quả: csv hoặc xlsx (mặc định: csv)
cli-template-period = Kỳ cần điền: mọi kỳ của mọi chỉ tiêu nằm trong kỳ này, ví dụ 2026-Q3 gồm tháng 7, 8, 9 (mặc định: mọi kỳ đã đến hạn mà chưa có số liệu)
cli-arg-sheet = Trang tính cần đọc trong bảng tính (mặc định: trang tính hiện đầu tiên; trang ẩn hoặc trang biểu đồ chỉ khi ghi tên)
cli-arg-hidden = Hàng, cột bị ẩn hoặc bị lọc trong bảng tính: skip (bỏ qua) hoặc include (đọc cả); không ghi thì bị từ chối và liệt kê
cli-arg-output = Ghi ra tệp này thay vì đầu ra chuẩn (docx và xlsx không in ra màn hình)
cli-arg-strict = Coi chỗ thiếu trong "6 rõ" là lỗi
cli-arg-id = Mã nhóm, chỉ tiêu hoặc nhiệm vụ cần xem đầy đủ
cli-arg-indicator = Mã chỉ tiêu (xem `plan show`)
cli-log-indicator = Chỉ các bút toán của chỉ tiêu này
cli-arg-value = Giá trị, viết theo kiểu số của kế hoạch (vi: 1.234,5; en: 1,234.5)
cli-correct-value = Giá trị đúng, viết theo kiểu số của kế hoạch
cli-arg-period = Kỳ: 2027, 2027-H1, 2027-Q3 hoặc 2027-07
cli-arg-date = Ngày báo cáo ({$order} hoặc YYYY-MM-DD; mặc định: hôm nay)
cli-arg-by = Người báo cáo (mặc định: tài khoản đang đăng nhập)
cli-arg-source = Văn bản nguồn, ví dụ "Báo cáo 15/BC-UBND"
cli-arg-note = Ghi chú
cli-arg-task = Mã nhiệm vụ (xem `plan show`)
cli-log-task = Chỉ các bút toán của nhiệm vụ này
cli-arg-file = Tệp (CSV, xlsx, xls, ods), hoặc - để đọc từ đầu vào chuẩn
cli-arg-dry_run = Kiểm tra và tóm tắt, không ghi gì
cli-arg-delimiter = Dấu phân cách cột (mặc định: nhận ra từ dòng tiêu đề: , ; hoặc tab)
cli-arg-numbers = Kiểu số trong tệp: vi hoặc en (mặc định: của kế hoạch)
cli-arg-force = Vẫn nạp dù tệp này đã được nạp trước đó
cli-arg-entry = Số thứ tự bút toán (xem `plan log`)
cli-arg-reason = Lý do
cli-arg-year = Chỉ các bút toán của năm này
cli-report-year = Năm của kế hoạch (mặc định: năm hiện tại)
cli-arg-group = Chỉ nhóm nhiệm vụ này
cli-arg-as_of = Ngày đánh giá ({$order} hoặc YYYY-MM-DD): bỏ qua số liệu báo cáo sau ngày này (mặc định: hôm nay)
cli-arg-notes = Phần văn phòng tự viết cho báo cáo Word (--format docx): tệp Markdown gồm các mục `## MỤC` — lanh_dao, uu_diem, han_che, nguyen_nhan_khach_quan, nguyen_nhan_chu_quan, bai_hoc, phuong_huong, giai_phap, de_xuat, ket_luan hoặc mã một nhóm nhiệm vụ — mỗi mục thay chỗ [để trống] tương ứng
cli-arg-detail = Thêm từng kỳ báo cáo và danh sách nhiệm vụ
cli-arg-yes = Vẫn ghi giá trị chênh hơn mười lần so với số liệu trước
cli-import-yes = Vẫn nạp các dòng chênh hơn mười lần so với số liệu trước
cli-correct-yes = Vẫn điều chỉnh thành giá trị chênh hơn mười lần so với giá trị được điều chỉnh
cli-arg-reported_on = Đổi ngày báo cáo của bút toán: ngày thực sự báo cáo ({$order} hoặc YYYY-MM-DD); ngày cũ vẫn giữ trong nhật ký
cli-arg-clock_ok = Vẫn ghi dù đồng hồ máy tính sớm hơn lần ghi gần nhất vào sổ cái (lần ghi này lưu lại việc đó)
cli-arg-dates = Thứ tự ngày tháng viết có dấu / trong tệp: dmy hoặc mdy (mặc định: dates của kế hoạch)
cli-arg-head = Báo lỗi nếu chuỗi không còn giữ bút toán này với mã băm này (dấu vân tay in trên báo cáo: SỐ:MÃ)
cli-value-head = SỐ:MÃ
cli-value-dates = THỨ_TỰ
cli-arg-shell = Loại shell: bash, zsh, fish, elvish hoặc powershell

## Tên giá trị trong dòng cách dùng.
cli-value-plan = TỆP
cli-value-ledger = TỆP
cli-value-lang = NGÔN_NGỮ
cli-value-format = KIỂU
cli-value-id = MÃ
cli-value-indicator = CHỈ_TIÊU
cli-value-value = GIÁ_TRỊ
cli-value-period = KỲ
cli-value-date = NGÀY
cli-value-by = NGƯỜI
cli-value-source = VĂN_BẢN
cli-value-note = GHI_CHÚ
cli-value-task = NHIỆM_VỤ
cli-value-file = TỆP
cli-value-entry = SỐ
cli-value-reason = LÝ_DO
cli-value-year = NĂM
cli-value-group = NHÓM
cli-value-as_of = NGÀY
cli-value-reported_on = NGÀY
cli-value-shell = SHELL
cli-value-sheet = TÊN
cli-value-hidden = CÁCH
cli-value-output = TỆP
cli-value-delimiter = KÝ_TỰ
cli-value-numbers = KIỂU_SỐ
cli-value-years = A-B
cli-value-notes = TỆP
cli-value-show = N

## Lỗi cách dùng (mã thoát 2).
cli-error-unknown-argument = không có tham số `{$arg}`
cli-error-unknown-command = không có lệnh `{$command}`
cli-error-missing-value = `{$arg}` cần có giá trị
cli-error-invalid-value = giá trị `{$value}` không dùng được cho `{$arg}`
cli-error-invalid-choice = giá trị `{$value}` không dùng được cho `{$arg}`: chỉ nhận {$valid}
cli-error-missing-argument = còn thiếu: {$arg}
cli-error-missing-command = cần gõ tên lệnh; `plan --help` liệt kê các lệnh
cli-error-conflict = không dùng `{$arg}` cùng với `{$other}`
cli-error-values = số giá trị của `{$arg}` không đúng
cli-did-you-mean = có phải ý bạn là `{$suggestion}`?
cli-usage = Cách dùng: {$usage}
cli-more-help = Xem thêm: gõ `--help`.
