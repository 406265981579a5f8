# Bộ chỉ số đánh giá chuyển đổi số cấp huyện, tỉnh Ninh Thuận (tháng 8/2023).
# Chép từ rulesets/sources/huyen-ninh-thuan-2023.txt (văn bản nguồn, xem rulesets/sources/README.md).
# Cách tính được chép NGUYÊN VĂN, kể cả các lỗi của văn bản (chỉ bỏ dấu cách cuối dòng);
# tests/test_ruleset_format.py so từng ô với tests/data/seed-formulas.jsonl.
# Các lỗi của văn bản mà `cds check` tìm thấy được sửa bằng dòng `Sửa:` (văn bản gốc giữ nguyên ở
# `Cách tính:`, lý do ở `Lý do sửa:`) hoặc được giải thích bằng ghi chú `#` ngay trên chỉ số.
Bộ chỉ số: Bộ chỉ số đánh giá chuyển đổi số cấp huyện
Văn bản: Kế hoạch số         /KH-UBND ngày     tháng 8 năm 2023 của Chủ tịch Ủy ban nhân dân huyện
Ngày: tháng 8 năm 2023
Cấp: huyện
# Thông tin chung: số liệu chung mà nhiều chỉ số chia cho (không có trong văn bản: văn bản hỏi lại ở
# từng chỉ số). Mẫu nhập số liệu hỏi mỗi số một lần; các ô `b` có đúng mô tả này được lấy từ đó, các ô
# mô tả khác lời (`Tổng dân số trên địa bàn`) được gắn bằng dòng `Dùng thông tin chung:` của chỉ số.
Thông tin chung:
    Dân số = Tổng dân số của cấp huyện (người)
    Dân số từ 15 tuổi trở lên = Tổng dân số từ 15 tuổi trở lên (người)
    Số hộ gia đình = Tổng số hộ gia đình của cấp huyện (hộ)
    Số UBND cấp xã = Tổng số UBND cấp xã của huyện
    Số công chức, viên chức = Tổng số công chức, viên chức trên địa bàn (người)
    Số doanh nghiệp = Tổng số doanh nghiệp trên địa bàn
    Số doanh nghiệp nhỏ và vừa = Tổng số Doanh nghiệp nhỏ và vừa trên địa bàn
# Văn bản không ghi tổng điểm. Tổng điểm tối đa các mục dưới đây là 880
# (Quyết định 2793/QĐ-UBND của Quảng Trị cũng ghi 880 điểm cho bộ chỉ số cấp huyện).
# Văn bản không nói cách làm tròn và cách xử lý phép chia cho 0: dùng mặc định
# (Làm tròn: 2 chữ số, nửa lên; Chia cho 0: 0 điểm).


# Văn bản không có dòng tiêu đề cho mục 1 (không ghi tên, không ghi điểm tối đa).
# Tên theo Bộ chỉ số DTI cấp huyện; 60 là tổng điểm tối đa các chỉ số 1.1-1.6.
Mục 1 | Nhận thức số | 60

Chỉ số 1.1 | Người đứng đầu huyện có là thành viên của Ban chỉ đạo, điều hành Chuyển đổi số của tỉnh | 10
Cách tính:
    - Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa
    - Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện: 1/2*Điểm tối đa;
    - Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: VP. HĐND và UBND

Chỉ số 1.2 | Người đứng đầu huyện chủ trì, chỉ đạo chuyển đổi số của đơn vị | 10
Cách tính:
    - Bí thư/Chủ tịch chủ trì các cuộc họp về CĐS của Huyện: Điểm tối đa
    - Bí thư/Chủ tịch không chủ trì các cuộc họp về CĐS của Huyện: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: VP. HĐND và UBND

Chỉ số 1.3 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp Huyện (Chủ tịch cấp Huyện) ký | 10
Cách tính:
    a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp huyện (Chủ tịch huyện/thị xã/thành phố) ký;
    b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: VP. HĐND và UBND

Chỉ số 1.4 | Trang TTĐT của huyện có các bài viết tuyên truyền về chuyển đổi số | 10
Cách tính:
    - Đã có chuyên mục và số lượng tin, bài về Chuyển đổi số trong năm đạt:
    + Từ 20 trở lên: điểm tối đa;
    + Từ 10 đến 19: 1/2 Điểm tối đa;
    + Dưới 10: 1/4 Điểm tối đa;
    + Chưa có chuyên mục: 0 điểm
Nguồn dữ liệu: Trung tâm VHTT&TT huyện
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xa,thị trấn

Chỉ số 1.5 | Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số | 10
Cách tính:
    - Đã có: Điểm tối đa;
    - Chưa có: 0 điểm
Nguồn dữ liệu: Trung tâm VHTT&TT huyện, UBND các xã, thị trấn
Đơn vị phối hợp: Các cơ quan, đơn vị liên quan

Chỉ số 1.6 | Tần suất hệ thống truyền thanh cơ sở phát sóng chuyên mục riêng về chuyển đổi số | 10
Cách tính:
    - Tần suất phát sóng từ 1 lần/1 tuần: Điểm tối đa;
    - Tần suất phát sóng từ 1 tháng/1 lần đến dưới 1 lần/1 tuần: 1/2 Điểm tối đa;
    - Tần suất phát sóng dưới 1 tháng/1 lần: 0 điểm
Nguồn dữ liệu: Trung tâm VHTT&TT huyện, UBND các xã, thị trấn
Đơn vị phối hợp: Các cơ quan, đơn vị liên quan

# Văn bản ghi: 2 | Thể chế số | 90.
Mục 2 | Thể chế số | 90

Chỉ số 2.1 | Nghị quyết chuyên đề hoặc văn bản tương đương của cấp uỷ về chuyển đổi số của cấp Huyện | 5
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 2.2 | Kế hoạch hành động 5 năm của cấp Huyện về chuyển đổi số | 5
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 2.3 | Kế hoạch hành động hằng năm của cấp Huyện về chuyển đổi số | 10
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 2.4 | Triển khai kiến trúc Chính quyền điện tử theo phiên bản mới nhất do Tỉnh ban hành | 10
Cách tính:
    - Đã triển khai: Điểm tối đa
    - Chưa triển khai: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 2.5 | Tham gia đầy đủ hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm của tỉnh để phổ biến, quán triệt và giám sát tuân thủ kiến trúc Chính quyền điện tử | 10
Cách tính:
    - Có tham gia: Điểm tối đa
    - Không tham gia: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 2.6 | Thực hiện theo Văn bản định kỳ hằng năm của tỉnh nhắc nhở, chấn chỉnh quản lý chi cho chuyển đổi số | 10
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 2.7 | Tham gia đầy đủ hội nghị, bồi dưỡng, tập huấn định kỳ hằng năm của tỉnh để phổ biến, quán triệt công tác chi cho chuyển đổi số | 10
Cách tính:
    - Có tổ chức: Điểm tối đa
    - Không tổ chức: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 2.8 | Thực hiện theo chính sách của tỉnh về tỷ lệ chi Ngân sách nhà nước tối thiểu hằng năm cho chuyển đổi số | 10
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Phòng VHTT

Chỉ số 2.9 | Thực hiện chính sách của tỉnh hoặc có sáng kiến mới để khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT) | 10
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Phòng Nội vụ, TC-KH

Chỉ số 2.10 | Thực hiện chính sách của tỉnh hoặc có sáng kiến mới để khuyến khích doanh nghiệp nhỏ và vừa chuyển đổi số | 10
Cách tính:
    - Đã ban hành: Điểm tối đa
    - Chưa ban hành: 0 điểm
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Phòng VHTT

# Văn bản chỉ ghi một dòng "Hạ tầng số" (không STT, không điểm tối đa).
# 100 là tổng điểm tối đa các chỉ số 3.1-3.7.
Mục 3 | Hạ tầng số | 100

# Văn bản: dòng đầu thiếu tên biến (`= Số lượng ...`, có lẽ là `a=`).
Chỉ số 3.1 | Tỷ lệ dân số trưởng thành có điện thoại thông minh | 10
Cách tính:
    = Số lượng người dân trưởng thành có điện thoại thông minh;
    b= Tổng dân số của cấp huyện;
    - Tỷ lệ=a/b
    - Điểm:
    + Tỷ lệ >= 70%: Điểm tối đa;
    + Tỷ lệ < 70%: Điểm = Tỷ lệ*Điểm tối đa
Sửa:
    a= Số lượng người dân trưởng thành có điện thoại thông minh;
    b= Tổng dân số của cấp huyện;
    - Tỷ lệ=a/b
    - Điểm:
    + Tỷ lệ >= 70%: Điểm tối đa;
    + Tỷ lệ < 70%: Điểm = Tỷ lệ*Điểm tối đa
Lý do sửa: dòng đầu thiếu tên biến; các dòng sau dùng a/b nên đây là a.
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các doanh nghiệp viễn thông

Chỉ số 3.2 | Tỷ lệ hộ gia đình có người có điện thoại thông minh | 10
Cách tính:
    a= Số lượng hộ gia đình có người có máy tính bảng hoặc điện thoại thông minh;
    b= Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các doanh nghiệp viễn thông

# Văn bản: `Tỷ lệ <80` thiếu dấu % (có lẽ là `< 80%`).
Chỉ số 3.3 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 10
Cách tính:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b= Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa
Sửa:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b= Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ <80%: Điểm = Tỷ lệ * điểm tối đa
Lý do sửa: thiếu dấu %: `Tỷ lệ <80` luôn đúng với mọi tỷ lệ; dòng trên viết 80%.
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các doanh nghiệp viễn thông

Chỉ số 3.4 | Tỷ lệ UBND cấp huyện kết nối mạng Truyền số liệu chuyên dùng | 10
Cách tính:
    a= Số lượng UBND cấp xã của cấp huyện kết nối mạng Truyền số liệu chuyên dùng;
    b= Tổng số UBND cấp xã của huyện;
    - Tỷ lệ=a/b
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các doanh nghiệp viễn thông

Chỉ số 3.5 | Huyện, thành phố có các ứng dụng chuyên ngành triển khai trên Trung tâm dữ liệu của tỉnh | 30
Cách tính:
    - Đã sử dụng Trung tâm dữ liệu phục vụ Chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây phục vụ nhu cầu hoạt động: 1/2*Điểm tối đa;
    - Kết nối với Nền tảng điện toán đám mây Chính phủ và bộ ngành chủ quản theo mô hình do Bộ Thông tin và Truyền thông hướng dẫn: 1/2*Điểm tối đa;
    - Chưa kết nối: 0 điểm.
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: -

# Văn bản: b là số nền tảng TỐI THIỂU (7), không phải tổng số, nên a có thể lớn hơn b và
# Tỷ lệ* 1/2*Điểm tối đa vượt 10 điểm (cds check: CDS407). Không sửa văn bản: khi chấm, điểm
# vượt tối đa được đưa về điểm tối đa và được báo (xem docs/semantics.md).
Chỉ số 3.6 | Huyện, thành phố có sử dụng nền tảng số của tỉnh | 20
Cách tính:
    1. Triển khai nền tảng số
    - a= Số lượng nền tảng số dùng chung đã triển khai;
    - b=Số lượng nền tảng số tối thiểu theo danh mục yêu cầu (7);
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ* 1/2*Điểm tối đa
    2. Mô hình triển khai
    - c= Số lượng nền tảng số triển khai tập trung trên Trung tâm dữ liệu;
    - d=Số lượng nền tảng số;
    - Tỷ lệ=c/d;
    - Điểm=Tỷ lệ* 1/2*Điểm tối đa
    Danh mục nền tảng số theo yêu cấu: 1) Nền tảng tích hợp, chia sẻ dữ liệu cấp Huyện (LGSP); 2) Nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung; 3) Nền tảng số quản trị tổng thể, thống nhất toàn cấp Huyện phục vụ hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước; 4) Nền tảng họp trực tuyến; 5) Nền tảng giám sát trực tuyến phục vụ công tác quản lý nhà nước; 6) Nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp; 7) Nền tảng trợ lý ảo phục vụ công chức, viên chức
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: -

Chỉ số 3.7 | Mức độ ứng dụng Trí tuệ nhân tạo (AI) trong nền tảng số | 10
Cách tính:
    1. Triển khai nền tảng số
    - a= Số lượng nền tảng số ứng dụng AI đã triển khai;
    - b=Số lượng nền tảng số dùng chung đã triển khai;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ* 1/2*Điểm tối đa
    2. Mô hình triển khai
    - a= Số lượng nền tảng số triển khai tập trung trên Trung tâm dữ liệu;
    - b=Số lượng nền tảng số;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ* 1/2*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: -

# Văn bản không có dòng tiêu đề cho mục 4 (không ghi tên, không ghi điểm tối đa).
# Tên theo Bộ chỉ số DTI cấp huyện; 60 là tổng điểm tối đa các chỉ số 4.1-4.7.
Mục 4 | Nhân lực số | 60

Chỉ số 4.1 | Tổ công nghệ số cộng đồng đến mức xã | 10
Cách tính:
    - Đã có Tổ công nghệ số cộng đồng đến mức xã: Điểm tối đa;
    - Chưa có: 0 điểm
Nguồn dữ liệu: UBND các xã, thị trấn
Đơn vị phối hợp: Phòng VHTT

Chỉ số 4.2 | Tổ công nghệ số cộng đồng đến mức thôn, xóm | 10
Cách tính:
    - Đã có Tổ công nghệ số cộng đồng đến mức thôn, xóm: Điểm tối đa;
    - Chưa có: 0 điểm
Nguồn dữ liệu: UBND các xã, thị trấn
Đơn vị phối hợp: Phòng VHTT

Chỉ số 4.3 | Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số | 10
Cách tính:
    a= Số lượng công chức chuyên trách về chuyển đổi số;
    b= Số lượng công chức kiêm nhiệm về chuyển đổi số;
    c= Số lượng viên chức chuyên trách về chuyển đổi số;
    d= Số lượng viên chức kiêm nhiệm về chuyển đổi số;
    e= Tổng số công chức;
    f= Tổng số viên chức;
    - Tỷ lệ=(a+b+c+d)/(e+f);
    g = Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số của đơn vị;
    h= Điểm tối đa;
    k= Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số cao nhất trên tất cả các đơn vị;
    Điểm = (g*h)/k
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: -

Chỉ số 4.4 | Công chức, viên chức chuyên trách, kiêm nhiệm về An toàn thông tin mạng | 10
Cách tính:
    - Có: Điểm tối đa
    - Không: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: -

Chỉ số 4.5 | Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số | 10
Cách tính:
    a= Số lượng công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số;
    b= Tổng số công chức, viên chức trên địa bàn;
    - Tỷ lệ=a/b;
    - Điểm= Tỷ lệ * Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Phòng Nội vụ

Chỉ số 4.6 | Tỷ lệ người dân trong độ tuổi lao động được bồi dưỡng, tập huấn kỹ năng số | 5
Cách tính:
    a= Số lượng người dân trong độ tuổi lao động được tập huấn, phổ biến kỹ năng số cơ bản;
    b= Tổng dân số trên địa bàn;
    - Tỷ lệ=a/b
    - Điểm= Tỷ lệ * Điểm tối đa
Dùng thông tin chung: b = Dân số
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Phòng LĐTBXH

Chỉ số 4.7 | Tỷ lệ các cơ sở giáo dục từ tiểu học đến trung học phổ thông thực hiện chuyển đổi số (hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở). | 5
Cách tính:
    a= Số lượng các cơ sở giáo dục từ tiểu học đến trung học phổ thông thực hiện chuyển đổi số trên địa bàn;
    b= Tổng số các cơ sở giáo dục từ tiểu học đến trung học phổ thông trên địa bàn;
    - Tỷ lệ = a/b
    - Điểm=
    + Tỷ lệ ≥60%: Điểm tối đa;
    + Tỷ lệ < 60%: Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng GD&ĐT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

# Văn bản ghi: V | An toàn thông tin mạng | 100 (các chỉ số 5.1-5.11 cộng lại là 90).
# Văn bản không có chỉ số 5.12: các chỉ số 5.12.1-5.12.6 đứng ngay sau 5.11,
# mà 5.11 ghi "Cộng điểm từ 5.12.1 đến 5.12.6". Chép nguyên như văn bản.
Mục V | An toàn thông tin mạng | 100

Chỉ số 5.1 | Số lượng hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ | 10
Cách tính:
    a= Số lượng hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ;
    b= Tổng số lượng hệ thống thông tin của cơ quan quản lý;
    Tỷ lệ= a/b;
    Điểm đánh giá = Tỷ lệ* Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.2 | Số lượng hệ thống thông tin triển khai đầy đủ phương án bảo vệ theo Hồ sơ đề xuất cấp độ đã được phê duyệt | 10
Cách tính:
    a= Số lượng hệ thống thông tin đã triển khai đầy đủ phương án bảo vệ theo Hồ sơ đề xuất cấp độ đã được phê duyệt;
    b= Tổng số hệ thống thông tin đã được phê duyệt;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.3 | Số lượng máy chủ của cơ quan nhà nước cài đặt phòng, chống mã độc | 10
Cách tính:
    a= Tổng số máy chủ có cài đặt phòng chống mã độc;
    b= Tổng số máy chủ trong cơ quan;
    - Tỷ lệ = a/b;
    - Điểm = Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.4 | Số lượng IP botnet được phát hiện, cảnh báo và xử lý, loại bỏ mã độc | 5
Cách tính:
    a= Số lượng địa chỉ IP public phát hiện có kết nối mạng IP botnet hoặc trong danh sách blacklist đã được xử lý, loại bỏ mã độc;
    b= Số lượng địa chỉ IP public phát hiện có kết nối mạng IP botnet hoặc trong danh sách blacklist;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.5 | Số lượng hệ thống thông tin của cơ quan nhà nước được giám sát trực tiếp và kết nối chia sẻ dữ liệu với Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC) | 10
Cách tính:
    a= Số lượng hệ thống thông tin được SOC bảo vệ, triển khai giám sát trực tiếp và kết nối chia sẻ dữ liệu với NCSC (gọi là a);
    b= Tổng số lượng hệ thống thông tin;
    - Tỷ lệ = a/b;
    - Điểm = Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.6 | Số lượng hệ thống thông tin của cơ quan nhà nước đã được kiểm tra, đánh giá đầy đủ các nội dung theo quy định tại Thông tư số 03/2017/TT-BTTTT ngày 24/4/2017 | 10
Cách tính:
    a= Số lượng HTTT của cơ quan đã được kiểm tra, đánh giá;
    b= Tổng số hệ thống thông tin;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.7 | Số lượng các phương án ứng cứu xử lý sự cố tấn công mạng | 5
Cách tính:
    a= Số lượng các hệ thống thông tin có các phương án ứng cứu xử lý sự cố tấn công mạng;
    b= Tổng số hệ thống thông tin;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.8 | Số lượng các cuộc diễn tập được triển khai | 5
Cách tính:
    Tính điểm theo phương pháp Min-Max dựa vào đơn vị nào nhiều cuộc diễn tập theo quy định nhất thì điểm tối đa và giảm dần
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã,thị trấn

Chỉ số 5.9 | Số lượng sự cố đã phát hiện trong cơ quan nhà nước | 5
Cách tính:
    Số lượng sự cố, đánh giá năng lực phát hiện sự cố gồm cả sự cố tự phát hiện và sự cố từ các cảnh báo của các đơn vị chuyên trách
    Tính điểm theo phương pháp Min-Max dựa vào đơn vị nào nhiều sự cố nhất thì điểm tối đa và giảm dần
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 5.10 | Số lượng sự cố đã xử lý trong cơ quan nhà nước | 5
Cách tính:
    a= Số lượng sự cố đã xử lý;
    b= Tổng số các sự cố;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

# Văn bản: cộng điểm các chỉ số 5.12.1-5.12.6 (văn bản không có chỉ số 5.12).
Chỉ số 5.11 | Tổng kinh phí chi cho an toàn thông tin (ATTT) | 15
Cách tính:
    Cộng điểm từ 5.12.1 đến 5.12.6

Chỉ số 5.12.1 | Kinh phí chung chi cho ATTT | 5
Cách tính:
    a= Tổng kinh phí đầu tư từ NSNN cho ATTT (triệu đồng);
    b= Tổng số kinh phí đầu tư cho CNTT (triệu đồng);
    - Tỷ lệ=a/b;
    Thang điểm:
    Mức 1 ≥ 10 % (điểm tối đa)
    Mức 2 ≥ 7% (70% điểm)
    Mức 3 ≥ 3% (30% điểm)
    Mức 4 <3% (0 điểm)
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Phòng VHTT

# Văn bản: ngưỡng Mức 1 (2,5%) thấp hơn Mức 2 (3%).
Chỉ số 5.12.2 | Kinh phí giám sát ATTT | 2
Cách tính:
    Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 3% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 1% mục 5.12.1: 30% điểm phần này
    Mức 4: < 1% mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Sửa:
    Mức 1: ≥ 5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 3% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 1% mục 5.12.1: 30% điểm phần này
    Mức 4: < 1% mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Lý do sửa: ngưỡng Mức 1 (2,5%) thấp hơn Mức 2 (3%) nên Mức 2 không bao giờ đạt được; sửa theo 5.12.3 có cùng Mức 2 (3%) và Mức 3 (1%) với Mức 1 là 5%. Cần cơ quan ban hành xác nhận.

Chỉ số 5.12.3 | Kinh phí kiểm tra, đánh giá ATTT | 2
Cách tính:
    Mức 1: ≥ 5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 3% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 1% mục 5.12.1: 30% điểm phần này
    Mức 4: < 1% mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng

Chỉ số 5.12.4 | Kinh phí diễn tập, ứng cứu sự cố ATTT | 2
Cách tính:
    Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 0,5 mục 5.12.1: 30% điểm phần này
    Mức 4: < 0,5 mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Sửa:
    Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 0,5% mục 5.12.1: 30% điểm phần này
    Mức 4: < 0,5% mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Lý do sửa: thiếu dấu % ở Mức 3 và Mức 4 (0,5 nghĩa là 50%); các mức khác viết %.

Chỉ số 5.12.5 | Kinh phí đào tạo, tập huấn ATTT | 2
Cách tính:
    Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 0,5 mục 5.12.1: 30% điểm phần này
    Mức 4: < 0,5 mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Sửa:
    Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 0,5% mục 5.12.1: 30% điểm phần này
    Mức 4: < 0,5% mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Lý do sửa: thiếu dấu % ở Mức 3 và Mức 4 (0,5 nghĩa là 50%); các mức khác viết %.

Chỉ số 5.12.6 | Kinh phí tuyên truyền nâng cao nhận thức ATTT | 2
Cách tính:
    Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 0,5 mục 5.12.1: 30% điểm phần này
    Mức 4: < 0,5 mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Sửa:
    Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.
    Mức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.
    Mức 3: ≥ 0,5% mục 5.12.1: 30% điểm phần này
    Mức 4: < 0,5% mục 5.12.1: 0% điểm phần này
    Đơn vị triệu đồng
Lý do sửa: thiếu dấu % ở Mức 3 và Mức 4 (0,5 nghĩa là 50%); các mức khác viết %.

# Văn bản không có dòng tiêu đề cho mục 6 (không ghi tên, không ghi điểm tối đa).
# Tên theo Bộ chỉ số DTI cấp huyện; 170 là tổng điểm tối đa các chỉ số 6.1-6.18.
Mục 6 | Hoạt động chính quyền số | 170

Chỉ số 6.1 | Trang thông tin điện tử cấp huyện đáp ứng yêu theo quy định | 10
Cách tính:
    - Đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định: 4/5*Điểm tối đa;
    - Đã chuyển đổi sang công nghệ IPv6: 1/5
    *Điểm tối đa;
    - Chưa đáp ứng, chưa chuyển đổi: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.2 | Huyện có tham gia cung cấp dữ liệu mở (gồm 2 ý: 1 là có tham gia, 2: cung cấp trên Cổng dữ liệu mở của tỉnh) | 5
Cách tính:
    1. Triển khai
    - Huyện có đưa dữ liệu của mình lên Cổng dữ liệu mở của tỉnh: 1/2* Điểm tối đa
    2. Đáp ứng yêu cầu kỹ thuật
    - Đã đáp ứng: 1/2*Điểm tối đa;
    - Chưa đáp ứng: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.3 | Huyện có kết nối với LGSP để chia sẻ, khai thác dữ liệu có các CQNN khác sử dụng | 5
Cách tính:
    a= Tổng số các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua LGSP;
    b= Tổng số các ứng dụng có dữ liệu dùng chung;
    - Tỷ lệ = a/b.
    - Điểm=Tỷ lệ* Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.4 | Huyện có sử dụng dịch vụ dữ liệu trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) | 10
Cách tính:
    a= Tổng số dịch vụ dữ liệu có trên NDXP được đưa vào sử dụng chính thức;
    b= Tổng số dịch vụ dữ liệu có trên NDXP;
    - Tỷ lệ = a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xãthị trấn

Chỉ số 6.5 | Tỷ lệ DVCTT mức độ 4 hoặc toàn trình | 10
Cách tính:
    a= Số lượng dịch vụ công đủ điều kiện lên trực tuyến mức độ 4;
    b= Tổng số dịch vụ công (gồm cụ thể cả mức độ 1; mức độ 2; mức độ 3; mức độ 4);
    - Tỷ lệ=a/b
    - Điểm=
    + Tỷ lệ=100%: Điểm tối đa;
    + Tỷ lệ<100%: 0 điểm
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.6 | Tỷ lệ DVCTT được điền sẵn thông tin | 10
Cách tính:
    a= Tổng số DVCTT 3, 4 được điền sẵn thông tin và người dân, doanh nghiệp không cần khai báo lại;
    b= Tổng số DVCTT 3, 4;
    - Tỷ lệ = a/b;
    - Điểm=Tỷ lệ*Điểm tối đa.
    Giải thích: DVCTT được điền sẵn thông tin là những DVCTT được triển khai kết nối đến các CSDL và khai thác dữ liệu sẵn có để tự động điền thông tin vào biểu mẫu điện tử
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.7 | Tỷ lệ DVCTT được cá thể hóa | 10
Cách tính:
    a= Tổng số DVCTT 3, 4 được cá thể hóa;
    b= Tổng số DVCTT 3, 4;
    - Tỷ lệ = a/b;
    - Điểm=Tỷ lệ*Điểm tối đa.
    Giải thích: DVCTT được cá thể hóa là DVCTT có một trong những tính năng cá thể hóa sau: 1) Cá thể hóa cách tiếp cận dịch vụ;
    2) Cá thể hóa thực hiện dịch vụ;
    3) Cá thể hóa về trả kết quả dịch vụ.
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã,thị trấn

Chỉ số 6.8 | Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến | 10
Cách tính:
    a= Tổng số DVCTT mức 3 có phát sinh hồ sơ (cả trực tuyến và không trực tuyến);
    b= Tổng số DVCTT mức 4 có phát sinh hồ sơ (cả trực tuyến và không trực tuyến);
    c= Tổng số DVCTT mức 3 có phát sinh hồ sơ trực tuyến;
    d= Tổng số DVCTT mức 4 có phát sinh hồ sơ trực tuyến;
    - Tỷ lệ=(c+d)/(a+b)
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.9 | Tỷ lệ hồ sơ xử lý trực tuyến | 20
Cách tính:
    a= Tổng số hồ sơ giải quyết DVC (gồm cả 4 mức độ) trong năm của các cơ quan, đơn vị thuộc cấp Huyện;
    b= Tổng số hồ sơ giải quyết trực tuyến của DVCTT mức độ 3;
    c= Tổng số hồ sơ giải quyết trực tuyến của DVCTT mức độ 4;
    - Tỷ lệ=(b+c)/a
    - Điểm=
    + Tỷ lệ>=80%: Điểm tối đa;
    + Tỷ lệ<80%: Tỷ lệ/80%*Điểm tối đa
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

# Văn bản: `Tỷ lệ 1*Điểm tối đa` (có lẽ thừa số `1`).
Chỉ số 6.10 | Tỷ lệ tài khoản của người dân, doanh nghiệp có sử dụng DVCTT mức độ 3, 4 trong năm | 5
Cách tính:
    a= Số lượng tài khoản của người dân sử dụng DVCTT;
    b= Số lượng tài khoản của doanh nghiệp sử dụng DVCTT;
    c=Số lượng tài khoản của người dân đăng ký;
    d=Số lượng tài khoản của doanh nghiệp đăng ký;
    - Tỷ lệ=(a+b)/(c+d);
    - Điểm=Tỷ lệ 1*Điểm tối đa
Sửa:
    a= Số lượng tài khoản của người dân sử dụng DVCTT;
    b= Số lượng tài khoản của doanh nghiệp sử dụng DVCTT;
    c=Số lượng tài khoản của người dân đăng ký;
    d=Số lượng tài khoản của doanh nghiệp đăng ký;
    - Tỷ lệ=(a+b)/(c+d);
    - Điểm=Tỷ lệ*Điểm tối đa
Lý do sửa: `Tỷ lệ 1` không được định nghĩa; thừa số `1` là lỗi đánh máy.
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.11 | Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng DVCTT | 5
Cách tính:
    a= Tổng số người dân tham gia đánh giá mức độ hài lòng;
    b= Số lượng người dân đánh giá là hài lòng khi sử dụng DVCTT;
    - Tỷ lệ =b/a
    - Điểm=Tỷ lệ*Điểm tối đa
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.12 | Sử dụng nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung của tỉnh | 10
Cách tính:
    - Đã triển khai: Điểm tối đa;
    - Chưa triển khai: 0 điểm
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.13 | Sử dụng nền tảng số quản trị tổng thể, thống nhất của tỉnh | 10
Cách tính:
    - Đã triển khai: Điểm tối đa;
    - Chưa triển khai: 0 điểm
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.14 | Huyện, thành phố sử dụng nền tảng họp trực tuyến của tỉnh | 10
Cách tính:
    - Đã triển khai đến các cơ quan, đơn vị thuộc, trực thuộc: 1/2*Điểm tối đa;
    - Đã triển khai đến từng thiết bị cá nhân: 1/2*Điểm tối đa;
    - Chưa triển khai: 0 điểm
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.15 | Sử dụng nền tảng giám sát trực tuyến của tỉnh để phục vụ công tác quản lý nhà nước | 10
Cách tính:
    - Đã triển khai: Điểm tối đa;
    - Chưa triển khai: 0 điểm
    Giải thích: Nền tảng giám sát trực tuyến phục vụ công tác quản lý nhà nước là nền tảng có thể cho phép theo dõi, đo lường, giám sát, hiển thị trực tuyến các chỉ số phục vụ công tác quản lý nhà nước.
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.16 | Sử dụng nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp | 10
Cách tính:
    - Đã triển khai và có thể cá thể hóa theo nhu cầu của cá nhân: Điểm tối đa;
    - Đã triển khai và chưa cá thể hóa theo nhu cầu của cá nhân: 1/2*Điểm tối đa;
    - Chưa triển khai: 0 điểm
Nguồn dữ liệu: VP HĐND và UBND
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 6.17 | Sử dụng nền tảng trợ lý ảo phục vụ công chức, viên chức | 10
Cách tính:
    - Đã triển khai và có thể cá thể hóa theo nhu cầu của cá nhân: Điểm tối đa;
    - Đã triển khai và chưa cá thể hóa theo nhu cầu của cá nhân: 1/2*Điểm tối đa;
    - Chưa triển khai: 0 điểm
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: VP. HĐND và UBND

Chỉ số 6.18 | Tổng chi Ngân sách nhà nước cho chính quyền số | 10
Cách tính:
    a= Tổng chi Ngân sách nhà nước cho chính quyền số (cụ thể kinh phí đầu tư và kinh phí chi thường xuyên là bao nhiêu), Đơn vị triêu đồng;
    b= Tổng chi ngân sách nhà nước, Đơn vị triêu đồng;
    - Tỷ lệ=a/b;
    - Điểm:
    + Tỷ lệ>=1%: Điểm tối đa;
    - Tỷ lệ<1%: Tỷ lệ/1%*Điểm tối đa.
    Giải thích: chi cho chính quyền số là chi cho Ứng dụng CNTT phục vụ các hoạt động của cơ quan nhà nước
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

# Văn bản chỉ ghi "VII" (không tên, không điểm tối đa).
# Tên theo Bộ chỉ số DTI cấp huyện; 150 là tổng điểm tối đa các chỉ số 7.1-7.12.
Mục VII | Hoạt động kinh tế số | 150

Chỉ số 7.1 | Tỷ trọng kinh tế số trong GRDP | 20
Cách tính:
    a = Giá trị tăng thêm của kinh tế số (tỷ đồng);
    b = Giá trị GRDP của địa bàn (tỷ đồng);
    Tỷ lệ = a/b
    Tỷ lệ ≥ 20%: điểm tối đa
    Tỷ lệ < 20%: điểm = điểm tối đa * tỷ lệ
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Chi cục Thống kê

Chỉ số 7.2 | Số doanh nghiệp công nghệ số (Số lượng doanh nghiệp cung cấp dịch vụ viễn thông – CNTT) | 20
Cách tính:
    a = Số lượng doanh nghiệp công nghệ số (Số lượng doanh nghiệp cung cấp dịch vụ viễn thông – CNTT)
    b  = Tổng số doanh nghiệp trên địa bàn;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 5%: điểm tối đa
    Tỷ lệ <5%: điểm = Điểm tối đa * tỷ lệ
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 7.3 | Số lượng doanh nghiệp nền tảng số | 10
Cách tính:
    a = Số doanh nghiệp nền tảng số trên địa bàn
    b = Tổng số doanh nghiệp trên địa bàn;
    Tỷ lệ = a/b
    Tỷ lệ ≥ 10%: điểm tối đa
    Tỷ lệ < 10: điểm = điểm tối đa * tỷ lệ
Sửa:
    a = Số doanh nghiệp nền tảng số trên địa bàn
    b = Tổng số doanh nghiệp trên địa bàn;
    Tỷ lệ = a/b
    Tỷ lệ ≥ 10%: điểm tối đa
    Tỷ lệ < 10%: điểm = điểm tối đa * tỷ lệ
Lý do sửa: thiếu dấu %: `Tỷ lệ < 10` luôn đúng với mọi tỷ lệ; dòng trên viết 10%.
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 7.4 | Số lượng doanh nghiệp nhỏ và vừa tiếp cận, tham gia chương trình SMEdx | 20
Cách tính:
    a = Số lượng doanh nghiệp nhỏ và vừa tiếp cận và tham gia Chương trình SMEdx trên địa bàn
    b  = Tổng số Doanh nghiệp nhỏ và vừa trên địa bàn;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 10%: điểm tối đa
    Tỷ lệ <10%: điểm = Điểm tối đa * tỷ lệ
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 7.5 | Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số | 10
Cách tính:
    a = Số lượng doanh nghiệp nhỏ và vừa sử dụng nền tảng số trên địa bàn
    b  = Tổng số Doanh nghiệp nhỏ và vừa trên địa bàn;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 50%: điểm tối đa
    Tỷ lệ <50%: điểm = Điểm tối đa * tỷ lệ
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 7.6 | Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử | 10
Cách tính:
    a = Số lượng doanh nghiệp sử dụng Hợp đồng điện tử trên địa bàn
    b  = Tổng số Doanh nghiệp trên địa bàn;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 80%: điểm tối đa
    Tỷ lệ <80: điểm = Điểm tối đa * tỷ lệ
Sửa:
    a = Số lượng doanh nghiệp sử dụng Hợp đồng điện tử trên địa bàn
    b  = Tổng số Doanh nghiệp trên địa bàn;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 80%: điểm tối đa
    Tỷ lệ <80%: điểm = Điểm tối đa * tỷ lệ
Lý do sửa: thiếu dấu %: `Tỷ lệ <80` luôn đúng với mọi tỷ lệ; dòng trên viết 80%.
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Các cơ quan, đơn vị, UBND các xã, thị trấn

Chỉ số 7.7 | Tỷ lệ doanh nghiệp nộp thuế điện tử | 10
Cách tính:
    a = Số lượng doanh nghiệp nộp thuế điện tử
    b  = Tổng số Doanh nghiệp;
    Tỷ lệ = a/b.
    Điểm = Tỷ lệ*Điểm tối đa
Dùng thông tin chung: b = Số doanh nghiệp
Nguồn dữ liệu: Chi cục Thuế Ninh Hải – Thuận Bắc

Chỉ số 7.8 | Số điểm phục vụ của mạng bưu chính công cộng có kết nối internet băng rộng cố định | 10
Cách tính:
    a = Số điểm phục vụ của mạng bưu chính công cộng có kết nối internet băng rộng cố định.
    b  = Tổng số điểm phục vụ bưu chính;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 50%: điểm tối đa
    Tỷ lệ <50: điểm = Điểm tối đa * tỷ lệ
Sửa:
    a = Số điểm phục vụ của mạng bưu chính công cộng có kết nối internet băng rộng cố định.
    b  = Tổng số điểm phục vụ bưu chính;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 50%: điểm tối đa
    Tỷ lệ <50%: điểm = Điểm tối đa * tỷ lệ
Lý do sửa: thiếu dấu %: `Tỷ lệ <50` luôn đúng với mọi tỷ lệ; dòng trên viết 50%.
Nguồn dữ liệu: Bưu điện huyện
Đơn vị phối hợp: Phòng VHTT, UBND các xã, thị trấn

Chỉ số 7.9 | Số lượng giao dịch trên sàn thương mại điện tử Vỏ sò và Postmart | 10
Cách tính:
    a = Số lượng giao dịch trên sàn TMĐT Vỏ Sò và Postmart tại địa bàn;
    b = Tổng số lượng bưu gửi chuyển phát hàng hóa qua Bưu điện Việt Nam và Viettel Post tại địa bàn;
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 5%: điểm tối đa
    Tỷ lệ <5%: điểm = Điểm tối đa * tỷ lệ
Nguồn dữ liệu: Phòng KTHT
Đơn vị phối hợp: Phòng NNPTNT, VHTT

Chỉ số 7.10 | Số lượng tên miền .vn | 10
Cách tính:
    a. Tổng số tên miền .vn trên địa bàn
    b. Tổng số doanh nghiệp trên địa bàn
    Tỷ lệ = a/b
    - Địa phương có tỷ lệ cao nhất: điểm tối đa
    - Các địa phương còn lại: điểm = tỷ lệ của địa phương/tỷ lệ của địa phương cao nhất * điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Phòng TC-KH

Chỉ số 7.11 | Tổng kinh phí đầu tư từ Ngân sách nhà nước cho kinh tế số | 10
Cách tính:
    a = Tổng kinh phí đầu tư từ NSNN cho kinh tế số (triệu đồng)
    b  = Tổng chi ngân sách nhà nước trên địa bàn (triệu đồng);
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 0.25%: điểm tối đa
    Tỷ lệ <0.25%: điểm = Điểm tối đa * tỷ lệ
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Phòng VHTT

Chỉ số 7.12 | Tổng kinh phí chi thường xuyên từ Ngân sách nhà nước cho kinh tế số | 10
Cách tính:
    a = Tổng kinh phí chi thường xuyên từ NSNN cho kinh tế số (triệu đồng)
    b  = Tổng chi ngân sách nhà nước trên địa bàn (triệu đồng);
    Tỷ lệ = a/b.
    Tỷ lệ ≥ 0.25%: điểm tối đa
    Tỷ lệ <0.25%: điểm = Điểm tối đa * tỷ lệ
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Phòng VHTT

# Văn bản ghi: VIII | Hoạt động xã hội số | 150.
Mục VIII | Hoạt động xã hội số | 150

Chỉ số 8.1 | Số lượng người dân có danh tính số/ tài khoản định danh điện tử | 20
Cách tính:
    a= Số người có danh tính số/ tài khoản định danh điện tử;
    b= Tổng dân số;
    - Tỷ lệ=a/b;
    - Điểm:
    + Tỷ lệ*Điểm tối đa
Dùng thông tin chung: b = Dân số
Nguồn dữ liệu: Công an huyện
Đơn vị phối hợp: Phòng VHTT

Chỉ số 8.2 | Số lượng người từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác | 20
Cách tính:
    a= Số người từ 15 tuổi trở lên có tài khoản giao dịch đang còn hoạt động tại ngân hàng hoặc các tổ chức được phép khác;
    b= Tổng dân số từ 15 tuổi trở lên;
    - Tỷ lệ=a/b;
    - Điểm:
    + Tỷ lệ>=80%: Điểm tối đa;
    + Tỷ lệ<=80%: Tỷ lệ/80%*Điểm tối đa
Nguồn dữ liệu: Ngân hàng NN&PTNT
Đơn vị phối hợp: Các ngân hàng thương mại trên địa bàn huyện

Chỉ số 8.3 | Số lượng dân số ở độ tuổi trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân | 20
Cách tính:
    a= Số người có chữ ký số hoặc chữ ký điện tử;
    b= Tổng dân số từ 15 tuổi trở lên;
    - Tỷ lệ=a/b
    - Điểm:
    + Tỷ lệ>=50%: Điểm tối đa;
    + Tỷ lệ<50%: Tỷ lệ/50%*Điểm tối đa
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các doanh nghiệp viễn thông

Chỉ số 8.4 | Số lượng hộ gia đình có địa chỉ số (trên tổng số hộ gia đình) | 20
Cách tính:
    a= Số lượng hộ gia đình có địa chỉ số;
    b= Tổng số hộ gia đình;
    - Tỷ lệ=a/b;
    - Điểm=Tỷ lệ*Điểm tối đa
Dùng thông tin chung: b = Số hộ gia đình
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Bưu điện huyện

Chỉ số 8.5 | Số lượng người dân biết kỹ năng về công nghệ thông tin và truyền thông | 10
Cách tính:
    a= Số lượng người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản;
    b= Tổng dân số trong độ tuổi lao động;
    - Tỷ lệ=a/b;
    - Điểm:
    + Tỷ lệ>=70%: Điểm tối đa;
    + Tỷ lệ<=70%: Tỷ lệ/70%*Điểm tối đa.
Nguồn dữ liệu: Phòng VHTT
Đơn vị phối hợp: Các doanh nghiệp viễn thông

# Văn bản nói cả "Min-Max" lẫn "tỷ lệ với Huyện chi cao nhất" (hai cách tính khác nhau).
Chỉ số 8.6 | Tổng kinh phí đầu tư từ ngân sách nhà nước cho xã hội số | 20
Cách tính:
    Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất
    Đề xuất chi cho xã hội số bao gồm tuyên truyền, đào tạo cho người dân về kỹ năng số, các hoạt động dịch vụ, sản phẩm hỗ trợ khác giúp người dân tiếp cận môi trường số và chi khác theo quy định
    Đơn vị triệu đồng
Phương pháp: tỷ lệ với cao nhất
# Văn bản nói "Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất": phần "dựa vào" mô tả
# cách tính tỷ lệ với đơn vị cao nhất (điểm = giá trị / giá trị cao nhất × điểm tối đa), nên chọn cách đó.
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Phòng VHTT

# Văn bản nói cả "Min-Max" lẫn "tỷ lệ với Huyện chi cao nhất" (hai cách tính khác nhau).
Chỉ số 8.7 | Tổng kinh phí chi thường xuyên từ ngân sách nhà nước cho xã hội số | 20
Cách tính:
    Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất
    Đề xuất chi cho xã hội số bao gồm tuyên truyền, đào tạo cho người dân về kỹ năng số, các hoạt động dịch vụ, sản phẩm  hỗ trợ khác giúp người dân tiếp cận môi trường số và chi khác theo quy định
    Tổng kinh phí……………………….. triệu đồng
Phương pháp: tỷ lệ với cao nhất
# Văn bản nói "Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất": phần "dựa vào" mô tả
# cách tính tỷ lệ với đơn vị cao nhất (điểm = giá trị / giá trị cao nhất × điểm tối đa), nên chọn cách đó.
Nguồn dữ liệu: Phòng TC-KH
Đơn vị phối hợp: Phòng VHTT

Chỉ số 8.8 | Mức độ người dân được tham gia vào cùng cơ quan nhà nước giải quyết vấn đề của địa phương với chính quyền | 20
Cách tính:
    - Danh sách những hoạt động mà người dân cùng tham gia giải quyết vấn đề với chính quyền trên kênh trực tuyến;
    - Hoạt động mà người dân tham gia giải quyết hiệu quả khi có 80% phản ánh là chính xác và được giải quyết;
    - Mỗi hoạt động hiệu quả: 1 điểm;
    - Tổng điểm không quá Điểm tối đa
