# Bộ chỉ số đánh giá chuyển đổi số dùng cho UBND cấp xã tỉnh Quảng Trị (Phụ lục 3 của Quyết định 2793/QĐ-UBND).
# Nguồn: Quyết định số 2793/QĐ-UBND ngày 31/10/2022 của UBND tỉnh Quảng Trị ban hành Bộ chỉ số đánh giá,
# xếp hạng chuyển đổi số của các cơ quan nhà nước tỉnh Quảng Trị (người ký: Hoàng Nam, Phó Chủ tịch).
# Văn bản chỉ công bố điểm tối đa và nguồn cung cấp dữ liệu, không có cách tính điểm: mọi chỉ số
# không có `Cách tính:` nên được chấm bằng điểm nhập trực tiếp (Nhập điểm), trong khoảng [0, điểm tối đa].
# Tên chỉ số chép nguyên văn; chỉ nối các từ bị ngắt dòng trong bản PDF bằng một dấu cách.
# Ghi chú: tiêu đề các phụ lục ghi "Kèm theo Quyết định số /QĐ-UBND, ngày / /2022" (để trống số và ngày).
#
# Tổng điểm 880 do văn bản nêu (mục II.2: "Tổng điểm đánh giá Bộ chỉ số chuyển đổi số UBND cấp xã là 880 điểm").
# Đã kiểm tra: tổng điểm tối đa các mục 1-9 là 60 + 90 + 100 + 60 + 100 + 170 + 150 + 150 + 0 = 880, khớp với 880.
# Số chỉ số: 81 chỉ số + 6 chỉ số thành phần (5.11.1-5.11.6) = 87 dòng `Chỉ số`.
# Văn bản không nêu số lượng chỉ số.
# Mục 9 (Đô thị thông minh) có điểm tối đa 0 và các chỉ số đều 0 điểm, chép đúng như văn bản.
# Mục 9 của Phụ lục 3 chỉ có 9.1 và 9.2 (Phụ lục 2 có thêm 9.3 "Thực hiện đo lường chỉ số KPI phát
# triển Đô thị thông minh"); bản văn bản có được kết thúc ở 9.2, không rõ là bảng gốc thiếu hay bị cắt.

Bộ chỉ số: Bộ chỉ số đánh giá chuyển đổi số dùng cho UBND cấp xã
Văn bản: Quyết định số 2793/QĐ-UBND ngày 31/10/2022 của UBND tỉnh Quảng Trị, Phụ lục 3
Ngày: 31/10/2022
Cấp: xã
Tổng điểm: 880

# Mục I. Thông tin chung (Bảng chấm điểm cấp xã):
# (không phải chỉ số chấm điểm, chỉ ghi lại làm chú thích; cột Điểm tối đa để trống)
#   1. Tên cấp Xã
#   2. Địa chỉ liên hệ chính thức
#   3. Địa chỉ trang/cổng thông tin điện tử (Website/Portal) chính thức
#   4. Số lượng dân số
#   5. Số lượng dân số trong độ tuổi lao động
#   6. Số lượng hộ gia đình
#   7. Số lượng thôn, xóm và tương đương
#   8. Số lượng cơ quan/đơn vị thuộc, trực thuộc
#   9. Số lượng công chức
#   10. Số lượng viên chức
#   11. Số lượng máy chủ vật lý
#   12. Số lượng máy trạm
#   13. Số lượng hệ thống thông tin
#   14. Số lượng doanh nghiệp
#   15. Số lượng doanh nghiệp nhỏ và vừa
#   16. Số lượng điểm phục vụ bưu chính
#   17. Tổng chi Ngân sách nhà nước cho chuyển đổi số
#   18. Số lượng thủ tục hành chính

# Mục II. Chỉ số đánh giá

Mục 1 | Nhận thức số | 60
# Kiểm tra số học (6 chỉ số): 10 + 10 + 10 + 10 + 10 + 10 = 60; khớp với điểm tối đa 60 của mục ghi trong văn bản.

Chỉ số 1.1 | Người đứng đầu cấp xã có là thành viên của Ban chỉ đạo Chuyển đổi số của xã | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 1.2 | Người đứng đầu cấp xã chủ trì, chỉ đạo các phiên họp chuyển đổi số tại địa phương | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 1.3 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp xã (Chủ tịch UBND cấp xã) ký | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 1.4 | Cổng/Trang TTĐT của xã có các bài viết tuyên truyền về chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 1.5 | Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 1.6 | Tần suất hệ thống truyền thanh cơ sở phát sóng chuyên mục riêng về chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Mục 2 | Thể chế số | 90
# Kiểm tra số học (10 chỉ số): 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 90; khớp với điểm tối đa 90 của mục ghi trong văn bản.

Chỉ số 2.1 | Nghị quyết chuyên đề hoặc văn bản tương đương của cấp uỷ về chuyển đổi số của cấp Xã | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.2 | Kế hoạch hành động 5 năm của cấp xã về chuyển đổi số | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.3 | Kế hoạch hành động hằng năm của cấp xã về chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.4 | Triển khai kiến trúc Chính quyền điện tử theo phiên bản mới nhất do Tỉnh ban hành | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.5 | Tham gia đầy đủ hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm của tỉnh/ của huyện, thị xã, thành phố để phổ biến, quán triệt và giám sát tuân thủ kiến trúc Chính quyền điện tử | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.6 | Thực hiện theo Văn bản định kỳ hằng năm của tỉnh/ của huyện nhắc nhở, chấn chỉnh quản lý chi cho chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.7 | Tham gia đầy đủ hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm của tỉnh/ của huyện, thị xã, thành phố để phổ biến, quán triệt công tác chi cho chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.8 | Thực hiện theo chính sách của tỉnh/ của huyện, thị xã, thành phố về tỷ lệ chi Ngân sách nhà nước tối thiểu hằng năm cho chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.9 | Thực hiện chính sách của tỉnh/ của huyện, thị xã, thành phố hoặc có sáng kiến mới để khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT) | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 2.10 | Thực hiện chính sách của tỉnh/ của huyện, thị xã, thành phố hoặc có sáng kiến mới để khuyến khích doanh nghiệp nhỏ và vừa chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Mục 3 | Hạ tầng số | 100
# Kiểm tra số học (7 chỉ số): 10 + 10 + 10 + 10 + 30 + 20 + 10 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.

Chỉ số 3.1 | Tỷ lệ dân số trưởng thành có điện thoại thông minh | 10
Nguồn dữ liệu: Cục Viễn thông/ Tỉnh cung cấp

Chỉ số 3.2 | Tỷ lệ hộ gia đình có người có điện thoại thông minh | 10
Nguồn dữ liệu: Cục Viễn thông/ Tỉnh cung cấp

Chỉ số 3.3 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 10
Nguồn dữ liệu: Cục Viễn thông/ Tỉnh cung cấp

Chỉ số 3.4 | Tỷ lệ UBND cấp xã kết nối mạng Truyền số liệu chuyên dùng | 10
Nguồn dữ liệu: Cục Bưu điện Trung ương/ Tỉnh cung cấp

Chỉ số 3.5 | Xã có các ứng dụng chuyên ngành triển khai trên Trung tâm dữ liệu của tỉnh | 30
Nguồn dữ liệu: Xã cung cấp

Chỉ số 3.6 | Xã có sử dụng nền tảng số của tỉnh | 20
Nguồn dữ liệu: Xã cung cấp

Chỉ số 3.7 | Mức độ ứng dụng Trí tuệ nhân tạo (AI) trong nền tảng số | 10
Nguồn dữ liệu: Xã cung cấp

Mục 4 | Nhân lực số | 60
# Kiểm tra số học (7 chỉ số): 10 + 10 + 10 + 10 + 10 + 5 + 5 = 60; khớp với điểm tối đa 60 của mục ghi trong văn bản.

Chỉ số 4.1 | Tổ công nghệ số cộng đồng đến cấp xã | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 4.2 | Tổ công nghệ số cộng đồng đến cấp thôn, xóm | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 4.3 | Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 4.4 | Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về An toàn thông tin mạng | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 4.5 | Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 4.6 | Tỷ lệ người lao động được bồi dưỡng, tập huấn kỹ năng số | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 4.7 | Tỷ lệ các cơ sở giáo dục thực hiện chuyển đổi số (hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở). | 5
Nguồn dữ liệu: Xã cung cấp

Mục 5 | An toàn thông tin mạng | 100
# Kiểm tra số học (11 chỉ số): 10 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 5 + 10 + 15 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.
#   Chỉ số 5.11 gồm 6 chỉ số thành phần 5.11.1-5.11.6: 5 + 2 + 2 + 2 + 2 + 2 = 15; khớp với điểm tối đa 15 của 5.11 (chỉ tính 5.11 một lần vào tổng của mục, không cộng thêm các chỉ số thành phần).

Chỉ số 5.1 | Có hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.2 | Số lượng hệ thống thông tin triển khai đầy đủ phương án bảo vệ theo Hồ sơ đề xuất cấp độ đã được phê duyệt | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.3 | Số lượng máy chủ của cơ quan nhà nước cài đặt phòng, chống mã độc | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.4 | Số lượng máy trạm của cơ quan nhà nước cài đặt phòng, chống mã độc | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.5 | Số lượng IP botnet được phát hiện, cảnh báo và xử lý, loại bỏ mã độc | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.6 | Số lượng hệ thống thông tin của cơ quan nhà nước được giám sát trực tiếp và kết nối chia sẻ dữ liệu với Trung tâm Giám sát an toàn không gian mạng của tỉnh và của quốc gia (NCSC) | 10
Nguồn dữ liệu: NCSC/ Tỉnh cung cấp

Chỉ số 5.7 | Số lượng hệ thống thông tin của cơ quan nhà nước đã được kiểm tra, đánh giá đầy đủ các nội dung theo quy định tại Thông tư số 03/2017/TT-BTTTT ngày 24/4/2017 | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.8 | Số lượng các phương án ứng cứu xử lý sự cố tấn công mạng | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.9 | Triển khai các cuộc diễn tập an toàn thông tin | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.10 | Số lượng sự cố đã xử lý trong cơ quan nhà nước | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.11 | Tổng kinh phí chi cho an toàn thông tin (ATTT) | 15

Chỉ số 5.11.1 | Kinh phí chung chi cho ATTT | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.11.2 | Kinh phí giám sát ATTT | 2
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.11.3 | Kinh phí kiểm tra, đánh giá ATTT | 2
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.11.4 | Kinh phí diễn tập, ứng cứu sự cố ATTT | 2
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.11.5 | Kinh phí đào tạo, tập huấn ATTT | 2
Nguồn dữ liệu: Xã cung cấp

Chỉ số 5.11.6 | Kinh phí tuyên truyền nâng cao nhận thức ATTT | 2
Nguồn dữ liệu: Xã cung cấp

Mục 6 | Hoạt động chính quyền số | 170
# Kiểm tra số học (18 chỉ số): 10 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 20 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 170; khớp với điểm tối đa 170 của mục ghi trong văn bản.

# "đáp ứng yêu theo quy định" chép nguyên văn (thiếu chữ "cầu"; Phụ lục 1, 2 ghi "đáp ứng yêu cầu theo quy định").
Chỉ số 6.1 | Cổng/Trang TTĐT của Xã đáp ứng yêu theo quy định | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.2 | Xã có tham gia cung cấp dữ liệu mở (gồm 2 ý: 1 là có tham gia, 2: cung cấp trên Cổng dữ liệu mở của tỉnh) | 5
Nguồn dữ liệu: Xã cung cấp

# "dữ liệu có các CQNN khác sử dụng" chép nguyên văn (Phụ lục 1, 2 ghi "cho các CQNN").
Chỉ số 6.3 | Xã có kết nối với LGSP để chia sẻ, khai thác dữ liệu có các CQNN khác sử dụng | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.4 | Xã có sử dụng dịch vụ dữ liệu trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.5 | Tỷ lệ DVCTT mức độ 4 hoặc toàn trình | 10
Nguồn dữ liệu: Hệ thống EMC/ Tỉnh cung cấp

Chỉ số 6.6 | Tỷ lệ DVCTT được điền sẵn thông tin | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.7 | Tỷ lệ DVCTT được cá thể hóa | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.8 | Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến | 10
Nguồn dữ liệu: Hệ thống EMC/ Tỉnh cung cấp

Chỉ số 6.9 | Tỷ lệ hồ sơ xử lý trực tuyến | 20
Nguồn dữ liệu: Hệ thống EMC/ Tỉnh cung cấp

Chỉ số 6.10 | Tỷ lệ tài khoản của người dân, doanh nghiệp có sử dụng DVCTT mức độ 3, 4 trong năm | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.11 | Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng DVCTT | 5
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.12 | Sử dụng nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung của tỉnh | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.13 | Sử dụng nền tảng số quản trị tổng thể, thống nhất của tỉnh | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.14 | Sử dụng nền tảng họp trực tuyến của tỉnh | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.15 | Sử dụng nền tảng giám sát trực tuyến của tỉnh để phục vụ công tác quản lý nhà nước | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.16 | Sử dụng nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.17 | Sử dụng nền tảng trợ lý ảo phục vụ công chức, viên chức | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 6.18 | Tổng chi Ngân sách nhà nước cho chính quyền số | 10
Nguồn dữ liệu: Xã cung cấp

Mục 7 | Hoạt động kinh tế số | 150
# Kiểm tra số học (12 chỉ số): 20 + 20 + 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 150; khớp với điểm tối đa 150 của mục ghi trong văn bản.

Chỉ số 7.1 | Tỷ trọng kinh tế số trong GRDP | 20
Nguồn dữ liệu: Xã cung cấp

Chỉ số 7.2 | Số doanh nghiệp công nghệ số (Số lượng doanh nghiệp cung cấp dịch vụ viễn thông - CNTT) | 20
Nguồn dữ liệu: Xã cung cấp

Chỉ số 7.3 | Số lượng doanh nghiệp nền tảng số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 7.4 | Số lượng doanh nghiệp nhỏ và vừa tiếp cận, tham gia chương trình SMEdx | 20
Nguồn dữ liệu: Vụ Quản lý doanh nghiệp/ Tỉnh cung cấp

Chỉ số 7.5 | Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số | 10
Nguồn dữ liệu: Xã cung cấp (khảo sát)

Chỉ số 7.6 | Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử | 10
Nguồn dữ liệu: Xã cung cấp (khảo sát)

Chỉ số 7.7 | Tỷ lệ doanh nghiệp nộp thuế điện tử | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 7.8 | Số điểm phục vụ của mạng bưu chính công cộng có kết nối internet băng rộng cố định | 10
Nguồn dữ liệu: Vụ Bưu chính / Tỉnh cung cấp

Chỉ số 7.9 | Số lượng giao dịch trên sàn thương mại điện tử | 10
Nguồn dữ liệu: Vụ Bưu chính, các sàn TMĐT

Chỉ số 7.10 | Số lượng tên miền .vn | 10
Nguồn dữ liệu: VNNIC / Tỉnh cung cấp

Chỉ số 7.11 | Tổng kinh phí đầu tư từ Ngân sách nhà nước cho kinh tế số | 10
Nguồn dữ liệu: Xã cung cấp

Chỉ số 7.12 | Tổng kinh phí chi thường xuyên từ Ngân sách nhà nước cho kinh tế số | 10
Nguồn dữ liệu: Xã cung cấp

Mục 8 | Hoạt động xã hội số | 150
# Kiểm tra số học (8 chỉ số): 20 + 20 + 20 + 20 + 10 + 20 + 20 + 20 = 150; khớp với điểm tối đa 150 của mục ghi trong văn bản.

Chỉ số 8.1 | Số lượng người dân có danh tính số/ tài khoản định danh điện tử | 20
Nguồn dữ liệu: Bộ Công an/ Tỉnh cung cấp

Chỉ số 8.2 | Số lượng người từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác | 20
Nguồn dữ liệu: Ngân hàng nhà nước cung cấp

Chỉ số 8.3 | Số lượng dân số ở độ tuổi trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân | 20
Nguồn dữ liệu: NEAC cung cấp

Chỉ số 8.4 | Số lượng hộ gia đình có địa chỉ số (trên tổng số hộ gia đình) | 20
Nguồn dữ liệu: VNPOST cung cấp

Chỉ số 8.5 | Số lượng người dân biết kỹ năng về công nghệ thông tin và truyền thông | 10
Nguồn dữ liệu: Tổng cục Thống kê cung cấp/ Tỉnh/ Xã cung cấp (điều tra khảo sát)

Chỉ số 8.6 | Kinh phí đầu tư từ ngân sách nhà nước cho xã hội số | 20
Nguồn dữ liệu: Xã cung cấp

Chỉ số 8.7 | Kinh phí chi thường xuyên từ ngân sách nhà nước cho xã hội số | 20
Nguồn dữ liệu: Xã cung cấp

Chỉ số 8.8 | Mức độ người dân được tham gia vào cùng cơ quan nhà nước giải quyết vấn đề của địa phương với chính quyền | 20
Nguồn dữ liệu: Xã cung cấp

Mục 9 | Đô thị thông minh | 0
# Kiểm tra số học (2 chỉ số): 0 + 0 = 0; khớp với điểm tối đa 0 của mục ghi trong văn bản.

Chỉ số 9.1 | Ban hành kế hoạch triển khai đề án phát triển Đô thị thông minh | 0
Nguồn dữ liệu: Xã cung cấp

Chỉ số 9.2 | Ban hành kế hoạch triển khai kiến trúc ICT phát triển Đô thị thông minh tỉnh | 0
Nguồn dữ liệu: Xã cung cấp
