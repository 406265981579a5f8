# Bộ chỉ số chuyển đổi số cấp Thành phố (các Sở, ban, ngành) của thành phố Hà Nội — Phụ lục III, Bảng 2.
# Nguồn: Quyết định số /QĐ-UBND ngày tháng năm 2024 của Chủ tịch UBND thành phố Hà Nội ban hành Bộ chỉ số
# đánh giá chuyên đổi số của các cơ quan nhà nước thành phố Hà Nội (người ký: Trần Sỹ Thanh). Văn bản để trống
# số và ngày ký (bản dự thảo/bản chưa điền số); Phụ lục II ghi "ngày /01/2024".
# ("chuyên đổi số" là lỗi chính tả của văn bản, chép nguyên văn ở đây trong chú thích.)
# Văn bản chỉ công bố điểm tối đa (cột "Điểm"), không có cách tính điểm và không có cột nguồn dữ liệu:
# mọi chỉ số không có `Cách tính:` nên được chấm bằng điểm nhập trực tiếp, trong khoảng [0, điểm tối đa].
# Bảng có hai cột STT: số thứ tự chạy (1., 2., ...) và STT của chỉ số (1.1, 1.2, ...); ở đây dùng STT của
# chỉ số, số thứ tự chạy chỉ ghi trong chú thích kiểm tra số lượng.
# Tên chỉ số và tên mục chép nguyên văn (kể cả số lượng "(n chỉ số)" trong tên mục).
#
# Điều 3 của Quyết định (bảng số lượng chỉ số thành phần, cấp Thành phố / cấp huyện):
#   Tổng 46 / 60; I. Nhóm chỉ số nền tảng chung 23 / 33; 1 Nhận thức số 5 / 7; 2 "Thế chế số" 4 / 3;
#   3 Hạ tầng số 2 / 6; 4 Nhân lực số 4 / 8; 5 An toàn thông tin mạng 8 / 8; II. Nhóm chỉ số hoạt động 23 / 27;
#   6 Hoạt động chính quyền số 14 / 10; 7 Hoạt động kinh tế số 1(*) / 6; 8 Hoạt động xã hội số 6 / 10;
#   9 Mức độ hoàn thành Kế hoạch Chuyển đổi số của năm 2 / 2.
#   ("Thế chế số" trong bảng Điều 3 là lỗi chính tả; các Phụ lục ghi "Thể chế số".)
#
# Đã kiểm tra: dòng "TỔNG (46 chỉ số)" ghi 400 điểm; tổng điểm tối đa các mục 1-9 là
# 30 + 30 + 20 + 20 + 50 + 120 + 20 + 30 + 80 = 400 (khớp).
# Số chỉ số đếm được: 46 (khớp với 46 của Điều 3 và dòng TỔNG). Nhóm I (mục 1-5): 23, khớp 23;
# nhóm II (mục 6-9): 23, khớp 23.
# Bảng 1 "Thông tin chung" của Phụ lục III (tên, địa chỉ, số lượng đơn vị, công chức, máy chủ, ..., thông tin
# liên hệ) là thông tin kê khai, không chấm điểm; không chép thành chỉ số.

Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp Thành phố
Văn bản: Quyết định số /QĐ-UBND ngày tháng năm 2024 của UBND thành phố Hà Nội, Phụ lục III
Ngày: 2024
Cấp: thành phố
Tổng điểm: 400

# Phụ lục I "CÁC CƠ QUAN, ĐƠN VỊ XÁC ĐỊNH CHỈ SỐ CHUYÊN ĐỔI SỐ HÀNG NĂM", phần I "Các Sở và cơ quan tương
# đương Sở" (22 đơn vị) — các đơn vị được đánh giá theo Phụ lục III (Điều 3 khoản 1). Phần II của
# Phụ lục I (30 quận, huyện, thị xã) đánh giá theo Phụ lục IV, xem ha-noi-2024-huyen.cds.
Danh sách Phụ lục I: Văn phòng UBND Thành phố; Sở Nội vụ; Sở Công Thương; Sở Giáo dục và Đào tạo; Sở Giao thông Vận tải; Sở Kế hoạch và Đầu tư; Sở Khoa học và Công nghệ; Sở Lao động, Thương binh và Xã hội; Sở Ngoại vụ; Sở Nông nghiệp và Phát triển nông thôn; Sở Quy hoạch Kiến trúc; Sở Tài chính; Sở Tài nguyên và Môi trường; Sở Thông Tin và Truyền Thông; Sở Tư pháp; Sở Văn hóa và Thể thao; Sở Xây dựng; Sở Y tế; Sở Du lịch; Ban Dân tộc; Thanh tra Thành phố; Ban Quản lý các Khu Công nghiệp và Chế xuất

# Phụ lục II "CÁC CƠ QUAN, ĐƠN VỊ ĐƯỢC GIAO NHIỆM VỤ PHÁT TRIỂN KINH TẾ SỐ TẠI KẾ HOẠCH SỐ 239/KH-UBND NGÀY
# 27/9/2023" (9 đơn vị; tất cả đều có trong phần I của Phụ lục I).
Danh sách Phụ lục II: Sở Công Thương; Sở Giáo dục và Đào tạo; Sở Lao động, Thương binh và Xã hội; Sở Nông nghiệp và Phát triển nông thôn; Sở Tài nguyên và Môi trường; Sở Thông Tin và Truyền Thông; Sở Văn hóa và Thể thao; Sở Y tế; Sở Du lịch

Mục 1 | Nhận thức số (5 chỉ số) | 30
# Kiểm tra số học (5 chỉ số): 5 + 5 + 10 + 5 + 5 = 30; khớp với điểm tối đa 30 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (5 chỉ số), bảng có 5 chỉ số (số thứ tự 1.-5.): khớp.

Chỉ số 1.1 | Người đứng đầu Sở/Ban/Ngành là Trưởng ban Ban chỉ đạo chuyển đổi số của Sở/Ban/Ngành | 5

Chỉ số 1.2 | Người đứng đầu tham gia đầy đủ các cuộc họp về CDS của Thành phố | 5

Chỉ số 1.3 | Người đứng đầu Sở/Ban/Ngành chủ trì các cuộc họp về CDS của Sở/Ban/Ngành | 10

Chỉ số 1.4 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu Sở/Ban/Ngành ký | 5

Chỉ số 1.5 | Tổ chức hội nghị quán triệt Nghị quyết của Thành ủy, Chương trình, kế hoạch của Thành phố về Chuyển đổi số | 5

Mục 2 | Thể chế số (4 chỉ số) | 30
# Kiểm tra số học (4 chỉ số): 10 + 5 + 10 + 5 = 30; khớp với điểm tối đa 30 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (4 chỉ số), bảng có 4 chỉ số (số thứ tự 6.-9.): khớp.

Chỉ số 2.1 | Nghị quyết chuyên đề, văn bản của cấp ủy hoặc Kế hoạch dài hạn về chuyển đổi số | 10

Chỉ số 2.2 | Kế hoạch hoặc Chương trình hành động hằng năm về chuyển đổi số | 5

Chỉ số 2.3 | Có Kế hoạch, văn bản hướng dẫn các quận, huyện, thị xã về chuyển đổi số theo ngành, lĩnh vực. | 10

Chỉ số 2.4 | Ban hành mô hình, chương trình khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT) | 5

Mục 3 | Hạ tầng số (2 chỉ số) | 20
# Kiểm tra số học (2 chỉ số): 10 + 10 = 20; khớp với điểm tối đa 20 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (2 chỉ số), bảng có 2 chỉ số (số thứ tự 10.-11.): khớp.

Chỉ số 3.1 | Đảm bảo hạ tầng CNTT phục vụ hoạt động thực thi công vụ của CCVC | 10

Chỉ số 3.2 | Đảm bảo hạ tầng CNTT phục vụ người dân và doanh nghiệp | 10

Mục 4 | Nhân lực số (4 chỉ số) | 20
# Kiểm tra số học (4 chỉ số): 5 + 5 + 5 + 5 = 20; khớp với điểm tối đa 20 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (4 chỉ số), bảng có 4 chỉ số (số thứ tự 12.-15.): khớp.

Chỉ số 4.1 | Có công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số | 5

Chỉ số 4.2 | Có công chức, viên chức kiêm nhiệm về an toàn thông tin mạng | 5

Chỉ số 4.3 | Tổ chức đào tạo, bồi dưỡng cho công chức, viên chức về chuyển đổi số tại cơ quan, đơn vị. | 5

Chỉ số 4.4 | Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số cơ bản | 5

Mục 5 | An toàn thông tin mạng (8 chỉ số) | 50
# Kiểm tra số học (8 chỉ số): 10 + 5 + 5 + 5 + 5 + 10 + 5 + 5 = 50; khớp với điểm tối đa 50 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (8 chỉ số), bảng có 8 chỉ số (số thứ tự 16.-23.): khớp.

Chỉ số 5.1 | Tỷ lệ hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ | 10

Chỉ số 5.2 | Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo vệ theo Hồ sơ đề xuất cấp độ đã được phê duyệt | 5

Chỉ số 5.3 | Tỷ lệ máy tính của cán bộ công chức, viên chức được cài đặt phần mềm phòng, chống mã độc, diệt virus bản quyền | 5

Chỉ số 5.4 | Tỷ lệ hệ thống thông tin của cơ quan nhà nước đã được kiểm tra, đánh giá đầy đủ các nội dung theo quy định tại Thông tư số 12/2022/TT-BTTTT ngày 12/08/2022 | 5

Chỉ số 5.5 | Tham gia diễn tập, ứng cứu sự cố an toàn thông tin (ATTT) của Thành phố tổ chức | 5

Chỉ số 5.6 | Có phương án ứng cứu, xử lý sự cố tấn công mạng | 10

Chỉ số 5.7 | Tham gia lớp đào tạo, tập huấn ATTT của Thành phố | 5

Chỉ số 5.8 | Tổng kinh phí chi cho an toàn thông tin | 5

Mục 6 | Hoạt động chính quyền số (14 chỉ số) | 120
# Kiểm tra số học (14 chỉ số): 5 + 10 + 10 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 5 + 5 = 120; khớp với điểm tối đa 120 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (14 chỉ số), bảng có 14 chỉ số (số thứ tự 24.-37.): khớp.

Chỉ số 6.1 | Trang/Cổng thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định | 5

Chỉ số 6.2 | Có cơ sở dữ liệu chuyên ngành triển khai thống nhất trên địa bàn Thành phố | 10

Chỉ số 6.3 | Cơ sở dữ liệu được kết nối chia sẻ Nền tảng tích hợp, chia sẻ dữ liệu cấp Thành phố (LGSP) | 10

Chỉ số 6.4 | Đăng ký mở dữ liệu | 5

Chỉ số 6.5 | Mở dữ liệu theo quy định | 10

Chỉ số 6.6 | Tỷ lệ dịch vụ công trực tuyến toàn trình | 10

Chỉ số 6.7 | Tỷ lệ hồ sơ trực tuyến toàn trình | 10

Chỉ số 6.8 | Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng Dịch vụ công | 10

Chỉ số 6.9 | Tỷ lệ hồ sơ công việc tại cấp Sở được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước) | 10

Chỉ số 6.10 | Tỷ lệ văn bản (trừ văn bản mật theo quy định) trao đổi giữa cơ quan Nhà nước được thực hiện dưới dạng điện tử, được ký số bởi chữ ký số chuyên dùng | 10

Chỉ số 6.11 | Tỷ lệ báo cáo (không bao gồm nội dung mật) của các cơ quan nhà nước được cập nhật, chia sẻ trên Hệ thống thông tin báo cáo cấp Thành phố, kết nối với Hệ thống thông tin báo cáo Chính phủ phục vụ hiệu quả hoạt động quản lý, chỉ đạo, điều hành | 10

Chỉ số 6.12 | Tỷ lệ giao dịch thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia, Cổng Dịch vụ công Thành phố trên tổng số giao dịch thanh toán của dịch vụ công. | 10

Chỉ số 6.13 | Ứng dụng Trí tuệ nhân tạo (AI) trong hoạt động của cơ quan, đơn vị | 5

Chỉ số 6.14 | Tổng chi Ngân sách nhà nước cho CNTT, chuyển đổi số | 5

Mục 7 | Hoạt động kinh tế số (1 chỉ số) | 20
# Kiểm tra số học (1 chỉ số): 20 = 20; khớp với điểm tối đa 20 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (1 chỉ số), bảng có 1 chỉ số (số thứ tự 38.-38.): khớp.

# (*) Ghi chú dưới Bảng 2: "Chỉ số Hoạt động kinh tế số áp dụng đánh giá cho các đơn vị tại Phụ lục II";
# Điều 3 khoản 1: chỉ các Sở, ban, ngành thuộc Phụ lục II đánh giá thêm Mục 7. Các đơn vị khác: không áp dụng
# (không tính vào tổng điểm và điểm tối đa của đơn vị, tức tối đa 380 thay vì 400).
Chỉ số 7.1 | Tỷ trọng kinh tế số trong từng ngành, lĩnh vực (*) | 20
Áp dụng: Danh sách Phụ lục II

Mục 8 | Hoạt động xã hội số (6 chỉ số) | 30
# Kiểm tra số học (6 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 = 30; khớp với điểm tối đa 30 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (6 chỉ số), bảng có 6 chỉ số (số thứ tự 39.-44.): khớp.

Chỉ số 8.1 | Số lượng cán bộ công chức, viên chức người lao động có danh tính số/tài khoản định danh điện tử | 5

Chỉ số 8.2 | Số lượng cán bộ công chức, viên chức có chữ ký số | 5

Chỉ số 8.3 | Tỷ lệ cán bộ công chức, viên chức, người lao động sử dụng dịch vụ thanh toán điện tử. | 5

Chỉ số 8.4 | Tỷ lệ cán bộ công chức, viên chức, người lao động được lập hồ sơ sức khỏe điện tử. | 5

Chỉ số 8.5 | Sử dụng kênh tương tác 2 chiều trực tuyến với người dân, doanh nghiệp (Cổng/Trang TTĐT của đơn vị; Hệ thống của Thành phố, mạng xã hội ...) để tiếp nhận, xử lý phản ánh kiến nghị | 5

Chỉ số 8.6 | Tỷ lệ phản ánh được xử lý đúng hạn | 5

Mục 9 | Mức độ hoàn thành Kế hoạch Chuyển đổi số của năm (2 chỉ số) | 80
# Kiểm tra số học (2 chỉ số): 50 + 30 = 80; khớp với điểm tối đa 80 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (2 chỉ số), bảng có 2 chỉ số (số thứ tự 45.-46.): khớp.

Chỉ số 9.1 | Mức độ hoàn thành các chỉ tiêu được giao | 50

Chỉ số 9.2 | Mức độ hoàn thành các nhiệm vụ được giao | 30
