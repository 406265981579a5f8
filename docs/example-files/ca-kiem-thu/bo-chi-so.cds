Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp huyện (ví dụ hướng dẫn)
Văn bản: Quyết định số .../QĐ-UBND (ví dụ)
Cấp: huyện
Tổng điểm: 30

Mục 1 | Nhận thức số | 10

Chỉ số 1.1 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch huyện ký | 10
Cách tính:
    a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch huyện ký;
    b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT

Mục 2 | Hạ tầng số | 20

Chỉ số 2.1 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 10
Cách tính:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b=Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b;
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa
Sửa:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b=Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b;
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ < 80%: Điểm = Tỷ lệ * điểm tối đa
Lý do sửa: Văn bản thiếu dấu % ở ngưỡng 80 (Tỷ lệ <80 luôn đúng); đã thống nhất với Sở TT&TT.

Chỉ số 2.2 | Kế hoạch chuyển đổi số hằng năm | 10
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
