# Ví dụ cho docs/cli.md (cds diff, cds compare): một bộ chỉ số nhỏ năm 2023, chép theo lời văn của
# Kế hoạch huyện Ninh Thuận 2023 (rulesets/huyen-ninh-thuan-2023.cds).
Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp huyện (ví dụ)
Văn bản: Kế hoạch năm 2023 (ví dụ)

Mục 1 | Nhận thức số | 30

Chỉ số 1.1 | Trang TTĐT của huyện có chuyên mục về chuyển đổi số | 10
Cách tính:
    - Đã có: Điểm tối đa;
    - Chưa có: 0 điểm

Chỉ số 1.2 | Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số | 10
Cách tính:
    - Đã có: Điểm tối đa;
    - Chưa có: 0 điểm

Chỉ số 1.3 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch huyện ký | 10
Cách tính:
    a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch huyện ký;
    b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa

Mục 2 | Hạ tầng số | 10

Chỉ số 2.1 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 10
Cách tính:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b= Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b
    - Tỷ lệ ≥ 70%: Điểm tối đa
    - Tỷ lệ <70%: Điểm = Tỷ lệ * điểm tối đa
