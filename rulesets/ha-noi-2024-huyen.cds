# Bộ chỉ số chuyển đổi số cấp huyện (UBND quận, huyện, thị xã) của thành phố Hà Nội — Phụ lục IV, Bảng 2.
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
# Đã kiểm tra: dòng "TỔNG (60 chỉ số)" ghi 500 điểm; tổng điểm tối đa các mục 1-9 là
# 40 + 30 + 40 + 40 + 70 + 90 + 30 + 60 + 100 = 500 (khớp).
# Số chỉ số đếm được: 60 (khớp với 60 của Điều 3 và dòng TỔNG); số chỉ số từng mục khớp với tên mục và
# với bảng Điều 3.
# KHÔNG khớp trong bảng Điều 3 (cột cấp huyện): nhóm I ghi 33 nhưng các mục 1-5 cộng lại
# 7 + 3 + 6 + 8 + 8 = 32; nhóm II ghi 27 nhưng các mục 6-9 cộng lại 10 + 6 + 10 + 2 = 28
# (tổng 32 + 28 = 60 vẫn đúng 60). Bảng 2 của Phụ lục IV có đúng 32 và 28 chỉ số.
# Bảng 1 "Thông tin chung" của Phụ lục IV là thông tin kê khai, không chấm điểm; không chép thành chỉ số.
# Ba dòng đầu bảng (1.1-1.3) trong bản văn bản có STT và tên chỉ số chung một ô ("1.1 Người đứng đầu ...");
# ở đây tách STT khỏi tên như các dòng khác.

Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp huyện
Văn bản: Quyết định số /QĐ-UBND ngày tháng năm 2024 của UBND thành phố Hà Nội, Phụ lục IV
Ngày: 2024
Cấp: huyện
Tổng điểm: 500

# Phụ lục I, phần II "Các quận, huyện, thị xã" (30 đơn vị) — các đơn vị được đánh giá theo Phụ lục IV
# (Điều 3 khoản 2). Phần I của Phụ lục I (các Sở) xem ha-noi-2024-thanh-pho.cds.
Danh sách Phụ lục I: UBND quận Ba Đình; UBND quận Cầu Giấy; UBND quận Đống Đa; UBND quận Hai Bà Trưng; UBND quận Hoàn Kiếm; UBND quận Hoàng Mai; UBND quận Long Biên; UBND quận Tây Hồ; UBND quận Thanh Xuân; UBND quận Hà Đông; UBND quận Nam Từ Liêm; UBND quận Bắc Từ Liêm; UBND thị xã Sơn Tây; UBND huyện Ba Vì; UBND huyện Chương Mỹ; UBND huyện Đan Phượng; UBND huyện Đông Anh; UBND huyện Gia Lâm; UBND huyện Hoài Đức; UBND huyện Mê Linh; UBND huyện Mỹ Đức; UBND huyện Phú Xuyên; UBND huyện Phúc Thọ; UBND huyện Quốc Oai; UBND huyện Sóc Sơn; UBND huyện Thạch Thất; UBND huyện Thanh Oai; UBND huyện Thanh Trì; UBND huyện Thường Tín; UBND huyện Ứng Hòa

Mục 1 | Nhận thức số (7 chỉ số) | 40
# Kiểm tra số học (7 chỉ số): 5 + 5 + 10 + 5 + 5 + 5 + 5 = 40; khớp với điểm tối đa 40 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (7 chỉ số), bảng có 7 chỉ số (số thứ tự 1.-7.): khớp.

Chỉ số 1.1 | Người đứng đầu quận/huyện/thị xã (Bí thư/Chủ tịch quận/huyện/thị xã) là Trưởng ban Ban chỉ đạo chuyển đổi số của quận/huyện/thị xã | 5

Chỉ số 1.2 | Bí thư/Chủ tịch quận/huyện/thị xã tham gia đầy đủ các cuộc họp về chuyển đổi số của Thành phố | 5

Chỉ số 1.3 | Bí thư/Chủ tịch quận/huyện/thị xã chủ trì các cuộc họp về chuyển đổi số của Huyện | 10

Chỉ số 1.4 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu quận/huyện/thị xã (Chủ tịch quận/huyện/thị xã) ký | 5

Chỉ số 1.5 | Hệ thống truyền thanh quận/huyện/thị xã có chuyên mục riêng về chuyển đổi số | 5

Chỉ số 1.6 | Tần suất hệ thống truyền thanh quận/huyện/thị xã phát sóng chuyên mục riêng về chuyển đổi số | 5

Chỉ số 1.7 | Tổ chức hội nghị quán triệt Nghị quyết của Thành ủy, Chương trình, kế hoạch của Thành phố về Chuyển đổi số | 5

Mục 2 | Thể chế số (3 chỉ số) | 30
# Kiểm tra số học (3 chỉ số): 10 + 10 + 10 = 30; khớp với điểm tối đa 30 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (3 chỉ số), bảng có 3 chỉ số (số thứ tự 8.-10.): khớp.

Chỉ số 2.1 | Nghị quyết chuyên đề, văn bản của cấp ủy hoặc Kế hoạch dài hạn về chuyển đổi số | 10

Chỉ số 2.2 | Kế hoạch hành động hằng năm về chuyển đổi số | 10

Chỉ số 2.3 | Có các mô hình, chương trình khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT) | 10

Mục 3 | Hạ tầng số (6 chỉ số) | 40
# Kiểm tra số học (6 chỉ số): 5 + 5 + 5 + 5 + 10 + 10 = 40; khớp với điểm tối đa 40 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (6 chỉ số), bảng có 6 chỉ số (số thứ tự 11.-16.): khớp.

Chỉ số 3.1 | Tỷ lệ hộ gia đình có người có máy tính bảng hoặc điện thoại thông minh | 5

Chỉ số 3.2 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 5

Chỉ số 3.3 | Tỷ lệ UBND cấp xã kết nối mạng Truyền số liệu chuyên dùng | 5

Chỉ số 3.4 | Tỷ lệ các xã, phường, thị trấn được phủ cập dịch vụ mạng di động 4G đảm bảo chất lượng tốt. | 5

Chỉ số 3.5 | Đảm bảo hạ tầng CNTT phục vụ hoạt động thực thi công vụ của công chức, viên chức | 10

Chỉ số 3.6 | Đảm bảo hạ tầng CNTT phục vụ người dân và doanh nghiệp | 10

Mục 4 | Nhân lực số (8 chỉ số) | 40
# Kiểm tra số học (8 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 = 40; khớp với điểm tối đa 40 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (8 chỉ số), bảng có 8 chỉ số (số thứ tự 17.-24.): khớp.

Chỉ số 4.1 | Tỷ lệ xã, phường, thị trấn có Tổ chuyển đổi số cộng đồng | 5

Chỉ số 4.2 | Tỷ lệ thôn, bản, tổ dân phố có Tổ chuyển đổi số cộng đồng | 5

Chỉ số 4.3 | Có công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số | 5

Chỉ số 4.4 | Có công chức, viên chức kiêm nhiệm về an toàn thông tin mạng | 5

Chỉ số 4.5 | Tổ chức đào tạo, bồi dưỡng cho công chức, viên chức về chuyển đổi số tại cơ quan, đơn vị. | 5

Chỉ số 4.6 | Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số cơ bản | 5

Chỉ số 4.7 | Tỷ lệ người dân trong độ tuổi lao động được tập huấn, phổ biến kỹ năng số cơ bản. | 5

Chỉ số 4.8 | Tỷ lệ các cơ sở giáo dục từ tiểu học trở lên thuộc thẩm quyền quản lý thực hiện chuyển đổi số theo hướng dẫn của cơ quan ngành dọc | 5

Mục 5 | An toàn thông tin mạng (8 chỉ số) | 70
# Kiểm tra số học (8 chỉ số): 10 + 10 + 5 + 10 + 5 + 10 + 10 + 10 = 70; khớp với điểm tối đa 70 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (8 chỉ số), bảng có 8 chỉ số (số thứ tự 25.-32.): khớp.

Chỉ số 5.1 | Tỷ lệ hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ | 10

Chỉ số 5.2 | Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo vệ theo Hồ sơ đề xuất cấp độ đã được phê duyệt | 10

Chỉ số 5.3 | Tỷ lệ máy tính của cán bộ công chức, viên chức được cài đặt phần mềm phòng, chống mã độc, diệt virus bản quyền | 5

Chỉ số 5.4 | Tỷ lệ hệ thống thông tin quận/huyện/thị xã đã được kiểm tra, đánh giá đầy đủ các nội dung theo quy định tại Thông tư số 12/2022/TT-BTTTT ngày 12/08/2022 | 10

Chỉ số 5.5 | Tham gia diễn tập, ứng cứu sự cố an toàn thông tin (ATTT) của Thành phố tổ chức | 5

Chỉ số 5.6 | Có phương án ứng cứu, xử lý sự cố tấn công mạng | 10

Chỉ số 5.7 | Tham gia lớp đào tạo, tập huấn ATTT của Thành phố | 10

Chỉ số 5.8 | Tổng kinh phí chi cho ATTT | 10

Mục 6 | Hoạt động chính quyền số (10 chỉ số) | 90
# Kiểm tra số học (10 chỉ số): 10 + 10 + 10 + 20 + 5 + 5 + 10 + 5 + 5 + 10 = 90; khớp với điểm tối đa 90 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (10 chỉ số), bảng có 10 chỉ số (số thứ tự 33.-42.): khớp.

Chỉ số 6.1 | Trang/Cổng thông tin điện tử quận/huyện/thị xã đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định | 10

Chỉ số 6.2 | Tỷ lệ hồ sơ trực tuyến toàn trình | 10

Chỉ số 6.3 | Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng Dịch vụ công | 10

Chỉ số 6.4 | Tỷ lệ hồ sơ công việc tại quận/huyện/thị xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước) | 20

Chỉ số 6.5 | Tỷ lệ văn bản (trừ văn bản mật theo quy định) trao đổi giữa cơ quan Nhà nước được thực hiện dưới dạng điện tử, được ký số bởi chữ ký số chuyên dùng | 5

Chỉ số 6.6 | Ứng dụng hiệu quả nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp | 5

Chỉ số 6.7 | Tỷ lệ báo cáo (không bao gồm nội dung mật) của các cơ quan nhà nước được cập nhật, chia sẻ trên Hệ thống thông tin báo cáo cấp Thành phố, kết nối với Hệ thống thông tin báo cáo Chính phủ phục vụ hiệu quả hoạt động quản lý, chỉ đạo, điều hành | 10

Chỉ số 6.8 | Tỷ lệ giao dịch thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia, Cổng Dịch vụ công Thành phố trên tổng số giao dịch thanh toán của dịch vụ công. | 5

Chỉ số 6.9 | Ứng dụng Trí tuệ nhân tạo (AI) trong hoạt động nội bộ của cơ quan, đơn vị | 5

Chỉ số 6.10 | Tổng chi Ngân sách nhà nước cho chính quyền số | 10

Mục 7 | Hoạt động kinh tế số (6 chỉ số) | 30
# Kiểm tra số học (6 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 = 30; khớp với điểm tối đa 30 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (6 chỉ số), bảng có 6 chỉ số (số thứ tự 43.-48.): khớp.

Chỉ số 7.1 | Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử | 5

Chỉ số 7.2 | Tỷ lệ doanh nghiệp nộp thuế điện tử | 5

Chỉ số 7.3 | Tỷ trọng thương mại điện tử trong tổng mức bán lẻ | 5

Chỉ số 7.4 | Hình thành ít nhất một tuyến phố hoặc một chợ hoặc siêu thị thanh toán không dùng tiền mặt | 5

Chỉ số 7.5 | Tổng kinh phí đầu tư từ Ngân sách nhà nước cho kinh tế số | 5

Chỉ số 7.6 | Tổng kinh phí chi thường xuyên từ Ngân sách nhà nước cho kinh tế số | 5

Mục 8 | Hoạt động xã hội số (10 chỉ số) | 60
# Kiểm tra số học (10 chỉ số): 5 + 5 + 5 + 5 + 10 + 5 + 10 + 5 + 5 + 5 = 60; khớp với điểm tối đa 60 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (10 chỉ số), bảng có 10 chỉ số (số thứ tự 49.-58.): khớp.

Chỉ số 8.1 | Tỷ lệ người dân có tài khoản định danh điện tử | 5

Chỉ số 8.2 | Tỷ lệ dân số ở độ tuổi trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân | 5

Chỉ số 8.3 | Tỷ lệ dân số trưởng thành sử dụng điện thoại thông minh kết nối Internet | 5

Chỉ số 8.4 | Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác | 5

Chỉ số 8.5 | Tỷ lệ người dân có hồ sơ sức khỏe điện tử | 10

Chỉ số 8.6 | Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa | 5

Chỉ số 8.7 | Tỷ lệ dân số trưởng thành có sử dụng dịch vụ công trực tuyến | 10

Chỉ số 8.8 | Tỷ lệ người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản | 5

Chỉ số 8.9 | Tổng kinh phí đầu tư từ ngân sách nhà nước cho xã hội số | 5

Chỉ số 8.10 | Tổng kinh phí chi thường xuyên từ ngân sách nhà nước cho xã hội số | 5

Mục 9 | Mức độ hoàn thành Kế hoạch Chuyển đổi số của năm (2 chỉ số) | 100
# Kiểm tra số học (2 chỉ số): 40 + 60 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.
# Số chỉ số: tên mục ghi (2 chỉ số), bảng có 2 chỉ số (số thứ tự 59.-60.): khớp.

Chỉ số 9.1 | Mức độ hoàn thành các chỉ tiêu được giao | 40

Chỉ số 9.2 | Mức độ hoàn thành các nhiệm vụ được giao | 60
