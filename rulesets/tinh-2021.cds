# Bộ chỉ số chuyển đổi số cấp tỉnh — CẤU TRÚC (STT, tên chỉ số, điểm tối đa) theo bảng kết quả năm 2021 của
# tỉnh Đắk Lắk: "BẢNG CHI TIẾT CÁC CHỈ SỐ VÀ ĐIỂM ĐẠT ĐƯỢC CỦA CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2021", Phụ lục kèm
# theo Kế hoạch số /KH-BCĐCĐS ngày tháng 10 năm 2022 (để trống số và ngày).
# Đây là bảng kết quả của tỉnh, không phải văn bản ban hành bộ chỉ số: chỉ chép cấu trúc. Các cột "Điểm đạt
# được" và "Lý do mất điểm" KHÔNG được chép. Bảng không có cách tính điểm và không có nguồn dữ liệu:
# mọi chỉ số không có `Cách tính:` nên được chấm bằng điểm nhập trực tiếp, trong khoảng [0, điểm tối đa].
# Tên chỉ số chép nguyên văn; bỏ thẻ định dạng <i>...</i> (in nghiêng) ở tên các mục 2, 6, 9 và các chỉ số
# 5.12.1-5.12.6; nối các ô bị ngắt sang trang bằng một dấu cách.
#
# Tổng điểm: bảng không ghi tổng điểm (không có dòng tổng), nên không khai báo `Tổng điểm:`.
# Đã kiểm tra: tổng điểm tối đa các mục 1-9 là 100 + 100 + 100 + 100 + 100 + 200 + 150 + 150 + 0 = 1000.
# Số chỉ số: 98 chỉ số + 6 chỉ số thành phần (5.12.1-5.12.6) = 104 dòng `Chỉ số`.
# Điểm tối đa của mọi mục đều bằng tổng điểm tối đa các chỉ số của mục (xem từng mục).
#
# Chỗ bảng công bố tự mâu thuẫn (ghi lại, không sửa trừ STT 6.20):
#   - STT "6.2" in lần thứ hai sau 6.19 thực chất là 6.20 (xem chú thích tại chỉ số 6.20).
#   - 5.10: điểm đạt được in là 8 trong khi điểm tối đa là 5.
#   - Mục 5: điểm đạt được của mục in 54, nhưng cộng điểm đạt được các chỉ số 5.1-5.12 được 55,47
#     (52,47 nếu 5.10 chỉ tính tối đa 5) — không khớp.
#   - Mục 6: điểm đạt được của mục in 78,47, cộng các chỉ số được 78,544 (6.11 in 8,174; khớp nếu 6.11 là 8,1).
#   - Mục 9 (Đô thị thông minh) điểm tối đa 0, các chỉ số đều 0 điểm; chép đúng như bảng.

Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp tỉnh (cấu trúc theo bảng kết quả năm 2021 của tỉnh Đắk Lắk)
Văn bản: Phụ lục kèm theo Kế hoạch số /KH-BCĐCĐS ngày tháng 10 năm 2022 (tỉnh Đắk Lắk): Bảng chi tiết các chỉ số và điểm đạt được của Chỉ số chuyển đổi số năm 2021
Ngày: tháng 10 năm 2022
Cấp: tỉnh

Mục 1 | Nhận thức số | 100
# Kiểm tra số học (10 chỉ số): 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.

Chỉ số 1.1 | Người đứng đầu Tỉnh, thành phố (Bí thư hoặc Chủ tịch Tỉnh, thành phố) là Trưởng ban Ban chỉ đạo chuyển đổi số của Tỉnh | 10

Chỉ số 1.2 | Người đứng đầu Tỉnh, thành phố (Bí thư hoặc Chủ tịch Tỉnh, thành phố) chủ trì, chỉ đạo chuyển đổi số | 10

Chỉ số 1.3 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu Tỉnh, thành phố (Chủ tịch Tỉnh, thành phố) ký | 10

Chỉ số 1.4 | Có chuyên trang cấp tỉnh về chuyển đổi số | 10

Chỉ số 1.5 | Cổng thông tin điện tử của Tỉnh, thành phố có chuyên mục riêng về chuyển đổi số | 10

Chỉ số 1.6 | Cơ quan báo chí của Tỉnh, thành phố có chuyên mục riêng về chuyển đổi số | 10

Chỉ số 1.7 | Đài Phát thanh truyền hình của Tỉnh, thành phố có chuyên mục riêng về chuyển đổi số | 10

Chỉ số 1.8 | Tần suất Đài Phát thanh truyền hình của Tỉnh, thành phố phát sóng chuyên mục riêng về chuyển đổi số | 10

Chỉ số 1.9 | Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số | 10

Chỉ số 1.10 | Tần suất hệ thống truyền thanh cơ sở phát sóng chuyên mục riêng về chuyển đổi số | 10

Mục 2 | Thể chế số | 100
# Kiểm tra số học (11 chỉ số): 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.

Chỉ số 2.1 | Nghị quyết chuyên đề hoặc văn bản tương đương của cấp ủy về chuyển đổi số của Tỉnh, thành phố | 5

Chỉ số 2.2 | Kế hoạch hành động 5 năm của Tỉnh, thành phố về chuyển đổi số | 5

Chỉ số 2.3 | Kế hoạch hành động hằng năm của Tỉnh, thành phố về chuyển đổi số | 10

Chỉ số 2.4 | Ban hành Kiến trúc Chính quyền điện tử phiên bản mới nhất theo Khung kiến trúc Chính phủ điện tử Việt Nam | 10

Chỉ số 2.5 | Tổ chức hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm phổ biến, quán triệt và giám sát tuân thủ kiến trúc Chính quyền điện tử của Tỉnh, thành phố | 10

Chỉ số 2.6 | Ban hành văn bản định kỳ hằng năm nhắc nhở, chấn chỉnh quản lý chi cho chuyển đổi số | 10

Chỉ số 2.7 | Tổ chức hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm phổ biến, quán triệt công tác chi cho chuyển đổi số | 10

Chỉ số 2.8 | Ban hành chính sách tỷ lệ chi Ngân sách nhà nước tối thiểu hằng năm cho chuyển đổi số | 10

Chỉ số 2.9 | Ban hành chính sách thuê chuyên gia chuyển đổi số | 10

Chỉ số 2.10 | Ban hành chính sách khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT) | 10

Chỉ số 2.11 | Ban hành chính sách khuyến khích doanh nghiệp nhỏ và vừa chuyển đổi số | 10

Mục 3 | Hạ tầng số | 100
# Kiểm tra số học (7 chỉ số): 10 + 10 + 10 + 10 + 30 + 20 + 10 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.

Chỉ số 3.1 | Tỷ lệ dân số trưởng thành có điện thoại thông minh | 10

Chỉ số 3.2 | Tỷ lệ hộ gia đình có người có điện thoại thông minh | 10

Chỉ số 3.3 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 10

Chỉ số 3.4 | Tỷ lệ UBND cấp xã kết nối mạng Truyền số liệu chuyên dùng | 10

Chỉ số 3.5 | Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây | 30

Chỉ số 3.6 | Mức độ triển khai các nền tảng số dùng chung | 20

Chỉ số 3.7 | Mức độ ứng dụng Trí tuệ nhân tạo (AI) trong nền tảng số | 10

Mục 4 | Nhân lực số | 100
# Kiểm tra số học (13 chỉ số): 10 + 10 + 10 + 10 + 10 + 10 + 10 + 5 + 5 + 5 + 5 + 5 + 5 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.

Chỉ số 4.1 | Tổ công nghệ số cộng đồng đến mức xã | 10

Chỉ số 4.2 | Tổ công nghệ số cộng đồng đến mức thôn, xóm | 10

Chỉ số 4.3 | Sở Thông tin và Truyền thông có chức năng, nhiệm vụ về chuyển đổi số | 10

Chỉ số 4.4 | Sở Thông tin và Truyền thông có bộ phận/đơn vị thực hiện nhiệm vụ về chuyển đổi số | 10

Chỉ số 4.5 | Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số | 10

Chỉ số 4.6 | Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về An toàn thông tin mạng | 10

Chỉ số 4.7 | Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số | 10

Chỉ số 4.8 | Tỷ lệ cơ sở đào tạo cao đẳng, đại học, sau đại học có đào tạo về chuyển đổi số | 5

Chỉ số 4.9 | Tỷ lệ sinh viên tốt nghiệp cao đẳng, đại học, sau đại học về chuyển đổi số | 5

# Tên chỉ số bị ngắt sang trang trong bảng ("... được bồi" / "dưỡng, tập huấn kỹ năng số"); nối lại bằng một dấu cách.
Chỉ số 4.10 | Tỷ lệ người lao động được bồi dưỡng, tập huấn kỹ năng số | 5

Chỉ số 4.11 | Số lượng người dân được phổ cập kỹ năng số cơ bản trên nền tảng OneTouch | 5

Chỉ số 4.12 | Tỷ lệ các cơ sở đào tạo đại học, cao đẳng, giáo dục nghề nghiệp thực hiện chuyển đổi số (hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở) | 5

Chỉ số 4.13 | Tỷ lệ các cơ sở giáo dục từ tiểu học đến trung học phổ thông thực hiện chuyển đổi số (hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở). | 5

Mục 5 | An toàn thông tin mạng | 100
# Kiểm tra số học (12 chỉ số): 10 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 5 + 5 + 5 + 15 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.
#   Chỉ số 5.12 gồm 6 chỉ số thành phần 5.12.1-5.12.6: 5 + 2 + 2 + 2 + 2 + 2 = 15; khớp với điểm tối đa 15 của 5.12 (chỉ tính 5.12 một lần vào tổng của mục, không cộng thêm các chỉ số thành phần).

Chỉ số 5.1 | Số lượng hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ | 10

Chỉ số 5.2 | Số lượng hệ thống thông tin triển khai đầy đủ phương án bảo vệ theo Hồ sơ đề xuất cấp độ đã được phê duyệt | 10

Chỉ số 5.3 | Số lượng máy chủ của cơ quan nhà nước cài đặt phòng, chống mã độc và chia sẻ thông tin với Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC) | 10

# Tên chỉ số bị ngắt sang trang trong bảng ("... với Trung" / "tâm Giám sát ..."); nối lại bằng một dấu cách.
Chỉ số 5.4 | Số lượng máy trạm của cơ quan nhà nước cài đặt phòng, chống mã độc và chia sẻ thông tin với Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC) | 10

Chỉ số 5.5 | Số lượng IP botnet được phát hiện, cảnh báo và xử lý, loại bỏ mã độc | 5

Chỉ số 5.6 | Số lượng hệ thống thông tin của cơ quan nhà nước được giám sát trực tiếp và kết nối chia sẻ dữ liệu với Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC) | 10

Chỉ số 5.7 | Số lượng hệ thống thông tin của cơ quan nhà nước đã được kiểm tra, đánh giá đầy đủ các nội dung theo quy định tại Thông tư số 03/2017/TT-BTTTT ngày 24/4/2017 | 10

Chỉ số 5.8 | Số lượng các phương án ứng cứu xử lý sự cố tấn công mạng | 5

Chỉ số 5.9 | Số lượng các cuộc diễn tập được triển khai | 5

# Bảng kết quả in điểm đạt được của 5.10 là 8, lớn hơn điểm tối đa 5 (không thể có; điểm đạt được không chép vào đây).
Chỉ số 5.10 | Số lượng sự cố đã phát hiện trong cơ quan nhà nước | 5

Chỉ số 5.11 | Số lượng sự cố đã xử lý trong cơ quan nhà nước | 5

# 5.12 có 6 chỉ số thành phần 5.12.1-5.12.6 (in nghiêng trong bảng): 5 + 2 + 2 + 2 + 2 + 2 = 15 = điểm tối đa của 5.12.
Chỉ số 5.12 | Tổng kinh phí chi cho an toàn thông tin (ATTT) | 15

Chỉ số 5.12.1 | Kinh phí chung chi cho ATTT | 5

Chỉ số 5.12.2 | Kinh phí giám sát ATTT | 2

Chỉ số 5.12.3 | Kinh phí kiểm tra, đánh giá ATTT | 2

Chỉ số 5.12.4 | Kinh phí diễn tập, ứng cứu sự cố ATTT | 2

Chỉ số 5.12.5 | Kinh phí đào tạo, tập huấn ATTT | 2

Chỉ số 5.12.6 | Kinh phí tuyên truyền nâng cao nhận thức ATTT | 2

Mục 6 | Hoạt động chính quyền số | 200
# Kiểm tra số học (22 chỉ số): 10 + 5 + 10 + 5 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 20 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 200; khớp với điểm tối đa 200 của mục ghi trong văn bản.

# "Công thông tin điện tử" chép nguyên văn (có lẽ là "Cổng thông tin điện tử").
Chỉ số 6.1 | Công thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định | 10

Chỉ số 6.2 | Triển khai Cổng dữ liệu mở | 5

Chỉ số 6.3 | Hệ thống thông tin giải quyết thủ tục hành chính đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định | 10

Chỉ số 6.4 | Triển khai kênh số khác (ngoài Cổng TTĐT và Cổng DVC) để cung cấp thông tin và DVCTT | 5

Chỉ số 6.5 | Triển khai kênh số khác (ngoài Cổng TTĐT) phục vụ tương tác trực tuyến cho người dân, doanh nghiệp | 5

Chỉ số 6.6 | Tỷ lệ các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) | 5

Chỉ số 6.7 | Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức tại Tỉnh, thành phố | 10

Chỉ số 6.8 | Tỷ lệ DVCTT mức độ 4 hoặc toàn trình | 10

Chỉ số 6.9 | Tỷ lệ DVCTT được điền sẵn thông tin | 10

Chỉ số 6.10 | Tỷ lệ DVCTT được cá thể hóa | 10

Chỉ số 6.11 | Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến | 10

Chỉ số 6.12 | Tỷ lệ hồ sơ xử lý trực tuyến | 20

Chỉ số 6.13 | Tỷ lệ tài khoản của người dân, doanh nghiệp có sử dụng DVCTT mức độ 3, 4 trong năm | 5

Chỉ số 6.14 | Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng DVCTT | 5

Chỉ số 6.15 | Triển khai nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung | 10

# Tên chỉ số bị ngắt sang trang trong bảng ("... hoạt động chỉ" / "đạo, điều hành ..."); nối lại bằng một dấu cách.
Chỉ số 6.16 | Triển khai nền tảng số quản trị tổng thể, thống nhất toàn Tỉnh, thành phố phục vụ hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước | 10

Chỉ số 6.17 | Triển khai nền tảng họp trực tuyến đến các cơ quan, đơn vị thuộc, trực thuộc Tỉnh, thành phố và đến từng thiết bị cá nhân | 10

Chỉ số 6.18 | Triển khai nền tảng giám sát trực tuyến phục vụ công tác quản lý nhà nước | 10

Chỉ số 6.19 | Triển khai nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp | 10

# STT in trong bảng là "6.2" (dòng sau 6.19, trước 6.21): bảng tính đã hiển thị 6.20 thành 6.2.
# Đây thực chất là chỉ số 6.20; đã có một chỉ số 6.2 khác ("Triển khai Cổng dữ liệu mở"). Dùng 6.20.
Chỉ số 6.20 | Triển khai nền tảng trợ lý ảo phục vụ công chức, viên chức | 10

Chỉ số 6.21 | Mức độ ứng dụng Trí tuệ nhân tạo (AI) trong hoạt động của chính quyền số | 10

Chỉ số 6.22 | Tổng chi Ngân sách nhà nước cho chính quyền số | 10

Mục 7 | Hoạt động kinh tế số | 150
# Kiểm tra số học (12 chỉ số): 20 + 20 + 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 150; khớp với điểm tối đa 150 của mục ghi trong văn bản.

Chỉ số 7.1 | Tỷ trọng kinh tế số trong GRDP | 20

Chỉ số 7.2 | Số doanh nghiệp công nghệ số (Số lượng doanh nghiệp cung cấp dịch vụ viễn thông – CNTT) | 20

Chỉ số 7.3 | Số lượng doanh nghiệp nền tảng số | 10

Chỉ số 7.4 | Số lượng doanh nghiệp nhỏ và vừa tiếp cận, tham gia chương trình SMEdx | 20

Chỉ số 7.5 | Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số | 10

Chỉ số 7.6 | Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử | 10

Chỉ số 7.7 | Tỷ lệ doanh nghiệp nộp thuế điện tử | 10

Chỉ số 7.8 | Số điểm phục vụ của mạng bưu chính công cộng có kết nối internet băng rộng cố định | 10

# "Vò sò" chép nguyên văn (Quyết định 2793/QĐ-UBND của Quảng Trị ghi "Vỏ sò").
Chỉ số 7.9 | Số lượng giao dịch trên sàn thương mại điện tử Vò sò và Postmart | 10

Chỉ số 7.10 | Số lượng tên miền .vn | 10

Chỉ số 7.11 | Tổng kinh phí đầu tư từ Ngân sách nhà nước cho kinh tế số | 10

Chỉ số 7.12 | Tổng kinh phí chi thường xuyên từ Ngân sách nhà nước cho kinh tế số | 10

Mục 8 | Hoạt động xã hội số | 150
# Kiểm tra số học (8 chỉ số): 20 + 20 + 20 + 20 + 10 + 20 + 20 + 20 = 150; khớp với điểm tối đa 150 của mục ghi trong văn bản.

Chỉ số 8.1 | Số lượng người dân có danh tính số/ tài khoản định danh điện tử | 20

Chỉ số 8.2 | Số lượng người từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác | 20

Chỉ số 8.3 | Số lượng dân số ở độ tuổi trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân | 20

Chỉ số 8.4 | Số lượng hộ gia đình có địa chỉ số (trên tổng số hộ gia đình) | 20

Chỉ số 8.5 | Số lượng người dân biết kỹ năng về công nghệ thông tin và truyền thông | 10

Chỉ số 8.6 | Tổng kinh phí đầu tư từ ngân sách nhà nước cho xã hội số | 20

Chỉ số 8.7 | Tổng kinh phí chi thường xuyên từ ngân sách nhà nước cho xã hội số | 20

Chỉ số 8.8 | Mức độ người dân được tham gia vào cùng cơ quan nhà nước giải quyết vấn đề của địa phương với chính quyền | 20

Mục 9 | Đô thị thông minh | 0
# Kiểm tra số học (3 chỉ số): 0 + 0 + 0 = 0; khớp với điểm tối đa 0 của mục ghi trong văn bản.

Chỉ số 9.1 | Ban hành và triển khai đề án phát triển Đô thị thông minh | 0

Chỉ số 9.2 | Ban hành kiến trúc ICT phát triển Đô thị thông minh | 0

Chỉ số 9.3 | Thực hiện đo lường chỉ số KPI phát triển Đô thị thông minh | 0
