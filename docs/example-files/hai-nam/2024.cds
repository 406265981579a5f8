# Ví dụ cho docs/cli.md (cds diff, cds compare): năm 2024 của bộ chỉ số nhỏ 2023.cds: bỏ chỉ số 1.1 (1.2 thành
# 1.1, 1.3 thành 1.2), ngưỡng của 2.1 lên 80%, điểm tối đa của văn bản chỉ đạo lên 15, thêm chỉ số 2.2.
Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp huyện (ví dụ)
Văn bản: Kế hoạch năm 2024 (ví dụ)

Mục 1 | Nhận thức số | 25

Chỉ số 1.1 | Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số | 10
Cách tính:
    - Đã có: Điểm tối đa;
    - Chưa có: 0 điểm

Chỉ số 1.2 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch huyện ký | 15
Cách tính:
    a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch huyện ký;
    b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa

Mục 2 | Hạ tầng số | 20

Chỉ số 2.1 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 10
Cách tính:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b= Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ <80%: Điểm = Tỷ lệ * điểm tối đa

Chỉ số 2.2 | Tỷ lệ thôn, xóm có Tổ công nghệ số cộng đồng | 10
Cách tính:
    a=Số thôn, xóm có Tổ công nghệ số cộng đồng;
    b=Tổng số thôn, xóm;
    - Tỷ lệ=a/b
    - Điểm=Tỷ lệ*Điểm tối đa
