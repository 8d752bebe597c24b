# Điều chỉnh, bổ sung kế hoạch (SPEC §2.1): các khóa điều chỉnh của plan.toml,
# mã mồ côi, các phiên bản kế hoạch và `plan history`.
amend-formerly-self = `formerly` của `{$id}` lại ghi chính chỉ tiêu ấy
amend-duplicate = mã điều chỉnh `{$id}` bị trùng: mỗi quyết định có một mã riêng
amend-unknown = không có điều chỉnh `{$id}`
amend-unknown-help = thêm một [[amendment]] có id = "{$id}", ngày (on) và quyết định (decision)
amend-retired-live = `{$id}` đã được một điều chỉnh đưa ra khỏi kế hoạch nhưng vẫn là mã trong kế hoạch: một mã không thể vừa còn vừa bỏ
amend-retired-twice = `{$id}` bị đưa ra khỏi kế hoạch hai lần: chỉ ghi nó trong `retired` của một điều chỉnh
amend-formerly-live = `{$id}` nằm trong danh sách `formerly` nhưng vẫn là mã trong kế hoạch: bỏ nó ở một trong hai chỗ
amend-formerly-retired = `{$id}` vừa bị đưa ra khỏi kế hoạch vừa nằm trong `formerly`: số liệu của nó hoặc tính cho mã mới, hoặc không tính
amend-formerly-twice = mã cũ `{$id}` nằm trong hai danh sách `formerly`: số liệu của nó chỉ tính cho một chỉ tiêu
amend-from-outside = điều chỉnh từ năm {$from} nằm ngoài các năm của kế hoạch {$start}–{$end}
amend-from-twice = hai điều chỉnh của `{$id}` cùng bắt đầu từ năm {$from}: mỗi năm chỉ có một điều chỉnh có hiệu lực
amend-milestone-outside = mốc năm {$year} không thuộc các năm điều chỉnh này (từ năm {$from}) có hiệu lực
amend-renamed = `{$old}` đã đổi mã thành `{$new}`: hãy ghi theo `{$new}` (số liệu đã ghi theo `{$old}` được tính cho nó)
amend-retired-id = `{$id}` đã được đưa ra khỏi kế hoạch theo {$decision}: không ghi thêm theo mã này
amend-orphans = {$n ->
    [one] sổ có bút toán của một mã mà kế hoạch không còn ({$list}): hãy ghi mã đó trong `retired` của một điều chỉnh hoặc trong `formerly`
   *[other] sổ có bút toán của {$n} mã mà kế hoạch không còn ({$list}): hãy ghi từng mã trong `retired` của một điều chỉnh hoặc trong `formerly`
}
amend-orphan-item = `{$id}` ({$n} bút toán)
amend-cited = Điều chỉnh kế hoạch: {$list}
amend-cited-item = {$decision} (ngày {$on})
amend-plan-version = Phiên bản kế hoạch {$fingerprint}
amend-plan-version-new = Phiên bản kế hoạch {$fingerprint} (chưa ghi vào sổ: sổ sẽ ghi ở lần ghi tới)
amend-correct-plan-version = bút toán #{$id} là một phiên bản kế hoạch, không phải số liệu hay hoàn thành: kế hoạch được thay đổi bằng cách sửa plan.toml (xem plan history)
amend-kind-plan-version = phiên bản kế hoạch
amend-verify-text-missing = phiên bản kế hoạch #{$id}: sổ không còn văn bản của nó
amend-verify-text-edited = phiên bản kế hoạch #{$id}: văn bản lưu đã bị sửa sau khi ghi (mã băm không còn khớp với bút toán)
amend-verify-plan-differs = tệp kế hoạch khác phiên bản kế hoạch ghi gần nhất {$version}: lần ghi tới sẽ ghi phiên bản mới (plan history liệt kê các phiên bản)
amend-verify-plan-same = phiên bản kế hoạch {$version} (tệp kế hoạch đúng như đã ghi)
amend-history-no-version = sổ không có phiên bản kế hoạch {$n}: plan history liệt kê các phiên bản và số của chúng
amend-history-versions = Các phiên bản kế hoạch đã ghi (N, dấu vân tay, thời điểm ghi, người ghi):
amend-history-no-versions = chưa có (sổ sẽ ghi kế hoạch ở lần ghi tới)
amend-history-current = tệp kế hoạch hiện tại
amend-history-amendments = Các lần điều chỉnh kế hoạch:
amend-history-no-amendments = không có
amend-history-retired = đưa ra khỏi kế hoạch: {$ids}
amend-col-formerly = Mã cũ
amend-col-revision = Điều chỉnh
amend-col-added-by = Bổ sung theo
amend-revision = từ năm {$from}: {$target} đến năm {$by}
amend-verify-text-triggers = thiếu các trigger giữ cho các phiên bản kế hoạch đã lưu chỉ được ghi thêm (bị xóa ngoài plan?)
