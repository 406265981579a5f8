# Bộ chỉ số chuyển đổi số cấp Sở/Ban ngành tỉnh Quảng Trị (Phụ lục 1 của Quyết định 2793/QĐ-UBND).
# Nguồn: Quyết định số 2793/QĐ-UBND ngày 31/10/2022 của UBND tỉnh Quảng Trị ban hành Bộ chỉ số đánh giá,
# xếp hạng chuyển đổi số của các cơ quan nhà nước tỉnh Quảng Trị (người ký: Hoàng Nam, Phó Chủ tịch).
# Văn bản chỉ công bố điểm tối đa và nguồn cung cấp dữ liệu, không có cách tính điểm: mọi chỉ số
# không có `Cách tính:` nên được chấm bằng điểm nhập trực tiếp (Nhập điểm), trong khoảng [0, điểm tối đa].
# Tên chỉ số chép nguyên văn; chỉ nối các từ bị ngắt dòng trong bản PDF bằng một dấu cách.
# Ghi chú: tiêu đề các phụ lục ghi "Kèm theo Quyết định số /QĐ-UBND, ngày / /2022" (để trống số và ngày).
#
# Tổng điểm: văn bản không ghi tổng điểm của bảng chấm điểm cấp Sở bằng lời; 485 là hằng số trong công thức
# D = (A + B) x 485 / (485 + C) (mục II.2 của Quyết định). Đã kiểm tra: tổng điểm tối đa các mục 1-6 là
# 40 + 90 + 60 + 30 + 100 + 165 = 485, khớp với 485.
# Số chỉ số: 48 chỉ số (mục 1-6) + 6 chỉ số thành phần (5.11.1-5.11.6) = 54 dòng `Chỉ số`;
# cộng 52 chỉ tiêu của 7 lĩnh vực ưu tiên. Văn bản không nêu số lượng chỉ số.
#
# Lĩnh vực ưu tiên: mục II.1.1 của Quyết định kể 9 lĩnh vực (Văn hóa, Du lịch, Nông nghiệp, Tài nguyên và Môi
# trường, Tài chính - Ngân hàng, Giao thông vận tải - logistics, Giáo dục đào tạo, Y tế, Năng lượng) nhưng
# "BẢNG CHẤM ĐIỂM CÁC LĨNH VỰC ƯU TIÊN" của Phụ lục 1 chỉ có 7 bảng (I-VII): Du lịch, Nông nghiệp, Tài nguyên và môi trường, Giao thông vận tải - logistics, Giáo dục Đào tạo, Y tế, Năng lượng.
# Không có bảng cho "Văn hóa" và "Tài chính - Ngân hàng"; ở đây chỉ chép các bảng có trong Phụ lục 1.
# (Bảng Du lịch ghi nguồn dữ liệu là Sở Văn hóa Thể thao và Du lịch.)

Bộ chỉ số: Bộ chỉ số đánh giá chuyển đổi số dùng cấp Sở/Ngành
Văn bản: Quyết định số 2793/QĐ-UBND ngày 31/10/2022 của UBND tỉnh Quảng Trị, Phụ lục 1
Ngày: 31/10/2022
Cấp: sở
Tổng điểm: 485
Công thức tổng: D = (A + B) x 485 / (485 + C)
# Văn bản (mục II.2): "+ A: Điểm chấm của Sở/ Ban ngành; + B: Điểm chấm từ lĩnh vực ưu tiên tương ứng của
# Sở/Ban ngành đó (nếu có); + C: Tổng điểm tối đa lĩnh vực ưu tiên (nếu có)."
Trong đó: A = tổng điểm các mục 1-6
Trong đó: B = tổng điểm lĩnh vực ưu tiên
Trong đó: C = điểm tối đa lĩnh vực ưu tiên

# Mục I. Thông tin chung (Bảng chấm điểm cấp Sở/Ngành):
# (không phải chỉ số chấm điểm, chỉ ghi lại làm chú thích; cột Điểm tối đa để trống)
#   1. Tên Sở, Ban ngành
#   2. Địa chỉ liên hệ chính thức
#   3. Địa chỉ trang/cổng thông tin điện tử (Website/Portal) chính thức
#   4. Số lượng cơ quan/đơn vị thuộc, trực thuộc
#   5. Số lượng công chức
#   6. Số lượng viên chức
#   7. Số lượng máy chủ vật lý
#   8. Số lượng máy trạm
#   9. Số lượng hệ thống thông tin
#   10. Tổng chi Ngân sách nhà nước cho chuyển đổi số
#   11. Số lượng thủ tục hành chính

# Mục II. Chỉ số đánh giá

Mục 1 | Nhận thức số | 40
# Kiểm tra số học (4 chỉ số): 10 + 10 + 10 + 10 = 40; khớp với điểm tối đa 40 của mục ghi trong văn bản.

Chỉ số 1.1 | Người đứng đầu Sở, Ban ngành là Trưởng Ban chỉ đạo Chuyển đổi số của đơn vị | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 1.2 | Người đứng đầu Sở, Ban ngành chủ trì, chỉ đạo chuyển đổi số của đơn vị | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 1.3 | Sở, Ban ngành có văn bản chỉ đạo về chuyển đổi số lĩnh vực | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 1.4 | Cổng/Trang TTĐT của Sở, Ban ngành có các bài viết tuyên truyền về chuyển đổi số | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Mục 2 | Thể chế số | 90
# Kiểm tra số học (10 chỉ số): 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 90; khớp với điểm tối đa 90 của mục ghi trong văn bản.

Chỉ số 2.1 | Nghị quyết chuyên đề hoặc văn bản tương đương của cấp uỷ về chuyển đổi số của Sở, Ban ngành | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.2 | Kế hoạch hành động 5 năm của Sở, Ban ngành về chuyển đổi số | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.3 | Kế hoạch hành động hằng năm của Sở, Ban ngành về chuyển đổi số | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.4 | Đã triển khai các nhiệm vụ đã được phê duyệt trong Kiến trúc chính quyền điện tử tỉnh phiên bản 2.0 | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.5 | Tham gia đầy đủ hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm của tỉnh để phổ biến, quán triệt và giám sát tuân thủ kiến trúc Chính quyền điện tử tỉnh | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.6 | Thực hiện theo Văn bản định kỳ hằng năm của tỉnh nhắc nhở, chấn chỉnh quản lý chi cho chuyển đổi số | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.7 | Tham gia đầy đủ hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm của tỉnh để phổ biến, quán triệt công tác chi cho chuyển đổi số | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.8 | Thực hiện theo chính sách của tỉnh về tỷ lệ chi Ngân sách nhà nước tối thiểu hằng năm cho chuyển đổi số | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.9 | Thực hiện chính sách của tỉnh hoặc có sáng kiến mới để khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT) | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 2.10 | Thực hiện chính sách của tỉnh hoặc có sáng kiến mới để khuyến khích doanh nghiệp nhỏ và vừa chuyển đổi số | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Mục 3 | Hạ tầng số | 60
# Kiểm tra số học (3 chỉ số): 10 + 30 + 20 = 60; khớp với điểm tối đa 60 của mục ghi trong văn bản.

Chỉ số 3.1 | Sở, Ban ngành đã kết nối với mạng Truyền số liệu chuyên dùng của tỉnh | 10
Nguồn dữ liệu: Cục Viễn thông/ Tỉnh cung cấp

Chỉ số 3.2 | Sở, Ban ngành có các ứng dụng chuyên ngành triển khai trên Trung tâm dữ liệu của tỉnh | 30
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 3.3 | Sở, Ban ngành có sử dụng nền tảng số của tỉnh | 20
Nguồn dữ liệu: Sở, ngành cung cấp

Mục 4 | Nhân lực số | 30
# Kiểm tra số học (3 chỉ số): 10 + 10 + 10 = 30; khớp với điểm tối đa 30 của mục ghi trong văn bản.

Chỉ số 4.1 | Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 4.2 | Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về An toàn thông tin mạng | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 4.3 | Tỷ lệ công chức, viên chức tham gia bồi dưỡng, tập huấn về chuyển đổi số do tỉnh tổ chức | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Mục 5 | An toàn thông tin mạng | 100
# Kiểm tra số học (11 chỉ số): 10 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 5 + 10 + 15 = 100; khớp với điểm tối đa 100 của mục ghi trong văn bản.
#   Chỉ số 5.11 gồm 6 chỉ số thành phần 5.11.1-5.11.6: 5 + 2 + 2 + 2 + 2 + 2 = 15; khớp với điểm tối đa 15 của 5.11 (chỉ tính 5.11 một lần vào tổng của mục, không cộng thêm các chỉ số thành phần).

Chỉ số 5.1 | Có hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.2 | Số lượng hệ thống thông tin triển khai đầy đủ phương án bảo vệ theo Hồ sơ đề xuất cấp độ đã được phê duyệt | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.3 | Số lượng máy chủ của cơ quan nhà nước cài đặt phòng, chống mã độc | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.4 | Số lượng máy trạm của cơ quan nhà nước cài đặt phòng, chống mã độc | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.5 | Số lượng IP botnet được phát hiện, cảnh báo và xử lý, loại bỏ mã độc | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.6 | Số lượng hệ thống thông tin của cơ quan nhà nước được giám sát trực tiếp và kết nối chia sẻ dữ liệu với Trung tâm Giám sát an toàn không gian mạng của tỉnh và của quốc gia (NCSC) | 10
Nguồn dữ liệu: NCSC/ Tỉnh cung cấp

Chỉ số 5.7 | Số lượng hệ thống thông tin của cơ quan nhà nước đã được kiểm tra, đánh giá đầy đủ các nội dung theo quy định tại Thông tư số 03/2017/TT-BTTTT ngày 24/4/2017 | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.8 | Số lượng các phương án ứng cứu xử lý sự cố tấn công mạng | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.9 | Tham gia các cuộc diễn tập an toàn thông tin do tỉnh tổ chức | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.10 | Số lượng sự cố đã xử lý trong cơ quan nhà nước | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.11 | Tổng kinh phí chi cho an toàn thông tin (ATTT) | 15

Chỉ số 5.11.1 | Kinh phí chung chi cho ATTT | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.11.2 | Kinh phí giám sát ATTT | 2
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.11.3 | Kinh phí kiểm tra, đánh giá ATTT | 2
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.11.4 | Kinh phí diễn tập, ứng cứu sự cố ATTT | 2
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.11.5 | Kinh phí đào tạo, tập huấn ATTT | 2
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 5.11.6 | Kinh phí tuyên truyền nâng cao nhận thức ATTT | 2
Nguồn dữ liệu: Sở, ngành cung cấp

Mục 6 | Hoạt động chính quyền số | 165
# Kiểm tra số học (17 chỉ số): 10 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 20 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 165; khớp với điểm tối đa 165 của mục ghi trong văn bản.

Chỉ số 6.1 | Cổng/Trang TTĐT của Sở, Ban ngành đáp ứng yêu cầu theo quy định | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.2 | Sở, Ban ngành có tham gia cung cấp dữ liệu mở (gồm 2 ý: 1 là có tham gia, 2: cung cấp trên Cổng dữ liệu mở của tỉnh) | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.3 | Sở, Ban ngành có kết nối với LGSP để chia sẻ, khai thác dữ liệu cho các CQNN khác sử dụng | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.4 | Sở, Ban ngành có sử dụng dịch vụ dữ liệu trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.5 | Tỷ lệ DVCTT mức độ 4 hoặc toàn trình | 10
Nguồn dữ liệu: Hệ thống EMC/ Tỉnh cung cấp

Chỉ số 6.6 | Tỷ lệ DVCTT được điền sẵn thông tin | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.7 | Tỷ lệ DVCTT được cá thể hóa | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.8 | Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến | 10
Nguồn dữ liệu: Hệ thống EMC/ Tỉnh cung cấp

Chỉ số 6.9 | Tỷ lệ hồ sơ xử lý trực tuyến | 20
Nguồn dữ liệu: Hệ thống EMC/ Tỉnh cung cấp

Chỉ số 6.10 | Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng DVCTT | 5
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.11 | Sử dụng nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung của tỉnh | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.12 | Sử dụng nền tảng số quản trị tổng thể, thống nhất của tỉnh | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.13 | Sở, Ban ngành sử dụng nền tảng họp trực tuyến | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.14 | Sử dụng nền tảng giám sát trực tuyến của tỉnh để phục vụ công tác quản lý nhà nước | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.15 | Sử dụng nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.16 | Sử dụng nền tảng trợ lý ảo phục vụ công chức, viên chức | 10
Nguồn dữ liệu: Sở, ngành cung cấp

Chỉ số 6.17 | Tổng chi Ngân sách nhà nước cho Chính quyền số của Sở, Ban ngành | 10
Nguồn dữ liệu: Sở, ngành cung cấp

# ---------------------------------------------------------------------------
# BẢNG CHẤM ĐIỂM CÁC LĨNH VỰC ƯU TIÊN (cột "Chỉ tiêu"). Mỗi lĩnh vực là một nhóm riêng: B và C của
# công thức tổng lấy từ lĩnh vực tương ứng với Sở/Ban ngành (nếu có). STT của chỉ tiêu chép như văn bản
# (đánh lại từ 1 trong mỗi lĩnh vực).

Lĩnh vực I | Du lịch | 55
# Kiểm tra số học (11 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 = 55; khớp với điểm tối đa 55 của lĩnh vực ghi trong văn bản.

Chỉ số 1 | Số lượng sử dụng ứng dụng dịch vụ thông minh phục vụ du lịch hàng năm | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 2 | Số lượng lượt truy cập trang web quảng bá du lịch hàng năm | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 3 | Số lượng điểm du lịch được cung cấp trên trang web/ứng dụng | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 4 | Số lượng bài viết, thông tin cập nhật hàng tháng trên trang web quảng bá du lịch | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 5 | Tỉ lệ phủ sóng wifi miễn phí tại các điểm du lịch | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 6 | Số lượng điểm du lịch cung cấp dịch vụ thực tế ảo | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 7 | Tỷ lệ công tác quản lý liên quan đến du lịch được số hóa | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 8 | Tỷ lệ thanh toán không dùng tiền mặt tại các điểm du lịch | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 9 | Tỷ lệ bán vé tại các điểm du lịch, di tích dưới hình thức trực tuyến | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 10 | Tỷ lệ số hóa di tích lịch sử, điểm du lịch phục vụ du khách | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Chỉ số 11 | Tỷ lệ số hóa thống kê báo cáo về lưu lượng khách, thời gian cư trú… | 5
Nguồn dữ liệu: Sở Văn hóa Thể thao và Du lịch cung cấp

Lĩnh vực II | Nông nghiệp | 35
# Kiểm tra số học (7 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 + 5 = 35; khớp với điểm tối đa 35 của lĩnh vực ghi trong văn bản.

Chỉ số 1 | Tỷ lệ hộ nông dân/hợp tác xã ứng dụng công nghệ số vào sản xuất và cung ứng sản phẩm (Iot, drone, nông nghiệp thông minh...) | 5
Nguồn dữ liệu: Sở Nông nghiệp và Phát triển nông thôn/ Huyện cung cấp

Chỉ số 2 | Tỷ lệ hộ nông dân/hợp tác xã sử dụng sàn TMĐT để mua sắm nguyên liệu sản xuất | 5
Nguồn dữ liệu: Sở Nông nghiệp và Phát triển nông thôn/ Huyện cung cấp

Chỉ số 3 | Tỷ lệ nông sản phân phối qua các sàn TMĐT | 5
Nguồn dữ liệu: Sở Nông nghiệp và Phát triển nông thôn/sàn TMĐT cung cấp

Chỉ số 4 | Tỷ lệ nông sản có khả năng truy xuất nguồn gốc | 5
Nguồn dữ liệu: Sở Nông nghiệp và Phát triển nông thôn/ Huyện cung cấp

Chỉ số 5 | Tỷ lệ hộ nông dân/hợp tác xã quảng bá sản phẩm thông qua nền tảng số, mạng xã hội | 5
Nguồn dữ liệu: Sở Nông nghiệp và Phát triển nông thôn/ Huyện cung cấp (khảo sát)

Chỉ số 6 | Tỷ lệ nông dân được đào tạo kỹ năng số | 5
Nguồn dữ liệu: Sở Nông nghiệp và Phát triển nông thôn/ Huyện cung cấp (khảo sát)

Chỉ số 7 | Số lượng khu nông nghiệp ứng dụng công nghệ cao | 5
Nguồn dữ liệu: Sở Nông nghiệp và Phát triển nông thôn/ Huyện cung cấp

Lĩnh vực III | Tài nguyên và môi trường | 30
# Kiểm tra số học (6 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 = 30; khớp với điểm tối đa 30 của lĩnh vực ghi trong văn bản.

Chỉ số 1 | Tỷ lệ cơ sở dữ liệu được xây dựng và cập nhật trên nền tảng dữ liệu lớn | 5
Nguồn dữ liệu: Sở Tài nguyên và Môi trường

Chỉ số 2 | Tỷ lệ thiết bị trong điều tra khảo sát, quan trắc, đo đạc sử dụng công nghệ số | 5
Nguồn dữ liệu: Sở Tài nguyên và Môi trường

Chỉ số 3 | Tỷ lệ thiết bị trong điều tra khảo sát, quan trắc, đo đạc được tích hợp giải pháp thông minh sử dụng công nghệ IoT | 5
Nguồn dữ liệu: Sở Tài nguyên và Môi trường

Chỉ số 4 | Tỷ lệ sử dụng công nghệ AI phân tích trong quản lý, chỉ đạo điều hành và chuyên môn | 5
Nguồn dữ liệu: Sở Tài nguyên và Môi trường

Chỉ số 5 | Tỷ lệ công tác giám sát, dự báo, cảnh báo dựa trên phân tích dữ liệu lớn theo thời gian thực | 5
Nguồn dữ liệu: Sở Tài nguyên và Môi trường

Chỉ số 6 | Tỷ lệ người lao động được đào tạo kỹ năng số | 5
Nguồn dữ liệu: Sở Tài nguyên và Môi trường

Lĩnh vực IV | Giao thông vận tải - logistics | 30
# Kiểm tra số học (6 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 = 30; khớp với điểm tối đa 30 của lĩnh vực ghi trong văn bản.

Chỉ số 1 | Số lượng camera giám sát giao thông được lắp đặt trên các tuyến đường | 5
Nguồn dữ liệu: Sở Giao thông vận tải/ Tỉnh cung cấp

Chỉ số 2 | Tỷ lệ các tuyến đường cao tốc, quốc lộ có triển khai hệ thống quản lý, điều hành giao thông(ITS) | 5
Nguồn dữ liệu: Sở Giao thông vận tải/ Tỉnh cung cấp

Chỉ số 3 | Tỷ lệ số lượng trạm thu phí không dừng (ETC) trên địa bàn tỉnh | 5
Nguồn dữ liệu: Sở Giao thông vận tải/ Tỉnh cung cấp

Chỉ số 4 | Tỷ lệ sử dụng thanh toán không dùng tiền mặt tại các trạm thu phí | 5
Nguồn dữ liệu: Sở Giao thông vận tải/ Tỉnh cung cấp

Chỉ số 5 | Số lượng doanh nghiệp vận tải trên địa bàn ứng dụng logistics vào hoạt động | 5
Nguồn dữ liệu: Sở Giao thông vận tải/ Tỉnh cung cấp

Chỉ số 6 | Tỷ lệ phương tiện đường bộ, đường thủy có lắp đặt thiết bị giám sát hành trình | 5
Nguồn dữ liệu: Sở Giao thông vận tải/ Tỉnh cung cấp

Lĩnh vực V | Giáo dục Đào tạo | 55
# Kiểm tra số học (11 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 = 55; khớp với điểm tối đa 55 của lĩnh vực ghi trong văn bản.

Chỉ số 1 | Tỷ lệ giáo viên có đủ điều kiện (về phương tiện, đường truyền, phần mềm) tham gia có hiệu quả các hoạt động dạy trực tuyến | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp (khảo sát)

Chỉ số 2 | Tỷ lệ học sinh có đủ điều kiện (về phương tiện, đường truyền, phần mềm) tham gia có hiệu quả các hoạt động học trực tuyến | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp (khảo sát)

Chỉ số 3 | Tỷ lệ học sinh sử dụng nền tảng học trực tuyến | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 4 | Tỷ lệ số hóa nội dung chương trình giáo dục phổ thông | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 5 | Tỷ lệ các cơ sở giáo dục cung cấp chương trình đào tạo từ xa, trực tuyến | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 6 | Tỉ trọng nội dung chương trình giáo dục phổ thông được triển khai dưới hình thức trực tuyến | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 7 | Tỉ trọng lớp học trực tuyến tại các cơ sở giáo dục đại học | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 8 | Tỷ lệ giáo viên, học sinh được quản lý bằng hồ sơ số | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 9 | Số người tốt nghiệp chuyên ngành đào tạo máy tính và công nghệ thông tin, truyền thông hàng năm | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 10 | Tỷ lệ các cơ sở đào tạo đại học, cao đẳng, giáo dục nghề nghiệp thực hiện chuyển đổi số (hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở) | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Chỉ số 11 | Tỷ lệ các cơ sở giáo dục từ tiểu học đến trung học phổ thông thực hiện chuyển đổi số (hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở). | 5
Nguồn dữ liệu: Sở Giáo dục và Đào tạo cung cấp

Lĩnh vực VI | Y tế | 40
# Kiểm tra số học (8 chỉ số): 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 = 40; khớp với điểm tối đa 40 của lĩnh vực ghi trong văn bản.

Chỉ số 1 | Tỷ lệ các cơ sở y tế triển khai thanh toán điện tử không dùng tiền mặt | 5
Nguồn dữ liệu: Sở Y tế cung cấp

Chỉ số 2 | Tỷ lệ các cơ sở triển khai giải pháp khám bệnh, chữa bệnh triển khai tư vấn khám, chữa bệnh từ xa | 5
Nguồn dữ liệu: Sở Y tế cung cấp

Chỉ số 3 | Tỷ lệ các cơ sở khám bệnh, chữa bệnh triển khai đăng ký khám chữa bệnh trực tuyến | 5
Nguồn dữ liệu: Sở Y tế cung cấp

Chỉ số 4 | Tỷ lệ cán bộ y tế (Bác sĩ, dược sĩ, cán bộ, công chức, viên chức ngành y tế) tham gia mạng kết nối y tế Việt Nam | 5
Nguồn dữ liệu: Bộ Y tế/ Sở Y tế cung cấp

Chỉ số 5 | Tỷ lệ người dân được định danh y tế | 5
Nguồn dữ liệu: Bộ Y tế/ Sở Y tế cung cấp

Chỉ số 6 | Tỷ lệ cán bộ y tế (Bác sĩ, dược sĩ, cán bộ, công chức, viên chức ngành y tế) được định danh | 5
Nguồn dữ liệu: Bộ Y tế/ Sở Y tế cung cấp

Chỉ số 7 | Tỷ lệ người dân có hồ sơ sức khỏe điện tử | 5
Nguồn dữ liệu: Bộ Y tế/ Sở Y tế cung cấp

Chỉ số 8 | Tỷ lệ các đơn vị cấp xã triển khai phần mềm quản lý trạm y tế xã đầy đủ các chức năng theo quy định của Bộ Y tế | 5
Nguồn dữ liệu: Sở Y tế cung cấp

Lĩnh vực VII | Năng lượng | 15
# Kiểm tra số học (3 chỉ số): 5 + 5 + 5 = 15; khớp với điểm tối đa 15 của lĩnh vực ghi trong văn bản.

Chỉ số 1 | Tỷ lệ thanh toán hóa đơn tiền điện theo hình thức không dùng tiền mặt trong năm | 5
Nguồn dữ liệu: Sở Công thương/ Điện lực tỉnh cung cấp

Chỉ số 2 | Tỷ lệ sử dụng đồng hồ đo điện số có kết nối với hệ thống điện | 5
Nguồn dữ liệu: Sở Công thương/ Điện lực tỉnh cung cấp

Chỉ số 3 | Tỷ lệ tiết kiệm năng lượng điện nhờ ứng dụng công nghệ số hàng năm | 5
Nguồn dữ liệu: Sở Công thương/ Điện lực tỉnh cung cấp
