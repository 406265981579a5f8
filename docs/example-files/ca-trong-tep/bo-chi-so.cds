Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp huyện (ví dụ: ca kiểm thử trong tệp)
Văn bản: Quyết định số .../QĐ-UBND (ví dụ)
Cấp: huyện

Mục 1 | Hạ tầng số | 20

Chỉ số 1.1 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 10
Cách tính:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b=Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b;
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ < 80%: Điểm = Tỷ lệ * điểm tối đa

Chỉ số 1.2 | Kế hoạch chuyển đổi số hằng năm | 10
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm

# Các ca kiểm thử: cùng các cột như tệp TÊN.tests.csv, mỗi dòng thụt vào 4 dấu cách.
Ca kiểm thử:
    Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi
    Đúng ngưỡng 80%: điểm tối đa,Chỉ số 1.1: Tỷ lệ ≥ 80%: Điểm tối đa,1.1,a,8,
    ,,1.1,b,10,10
    Dưới ngưỡng: 79% x 10,Chỉ số 1.1: Tỷ lệ < 80%: Điểm = Tỷ lệ * điểm tối đa,1.1,a,79,
    ,,1.1,b,100,"7,9"
    Chưa ban hành và tổng,Chỉ số 1.2: Chưa ban hành: 0 điểm,1.2,lựa chọn,Chưa ban hành,0
    ,,1.1,a,9,
    ,,1.1,b,10,
    ,,Tổng,,,10
    Cố ý ghi sai: 70% được 7 điểm chứ không phải 8,Chỉ số 1.1: Tỷ lệ < 80%: Điểm = Tỷ lệ * điểm tối đa,1.1,a,7,
    ,,1.1,b,10,8
