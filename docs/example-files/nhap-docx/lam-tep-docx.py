"""Makes quyet-dinh.docx, the Word file of docs/cli.md's `cds import` example (run from this folder:
python lam-tep-docx.py).  Shaped like a decision's appendix: title lines, a header row with a `Ghi chú`
column, the column-number row, a section row whose last cells are merged, scoring texts as Word bullet
paragraphs, and an indicator whose row a page break split (the rest in a row with no STT)."""
import docx

document = docx.Document()
document.add_paragraph("PHỤ LỤC")
document.add_paragraph("BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP HUYỆN")
document.add_paragraph("(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/8/2023 của UBND huyện)")
header = ("STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm", "Nguồn dữ liệu",
          "Ghi chú")
table = document.add_table(rows=2, cols=len(header))
table.style = "Table Grid"
for i, text in enumerate(header):
    table.rows[0].cells[i].text = text
    table.rows[1].cells[i].text = f"({i + 1})"


def row(stt, name, mx, lines, source="", note=""):
    cells = table.add_row().cells
    cells[0].text, cells[1].text, cells[2].text, cells[4].text, cells[5].text = stt, name, mx, source, note
    for k, line in enumerate(lines):
        p = cells[3].paragraphs[0] if k == 0 else cells[3].add_paragraph()
        if line.startswith("- "):
            p.style, line = "List Bullet", line[2:]
        elif line.startswith("+ "):
            p.style, line = "List Bullet 2", line[2:]
        p.add_run(line)
    return cells


section = row("1", "Nhận thức số", "20", [])
section[3].merge(section[5])
row("1.1", "Trang TTĐT của huyện có các bài viết tuyên truyền về chuyển đổi số", "10",
    ["- Đã có chuyên mục và số lượng tin, bài về Chuyển đổi số trong năm đạt:", "+ Từ 20 trở lên: điểm tối đa;",
     "+ Từ 10 đến 19: 1/2 Điểm tối đa;"], "Trung tâm VHTT&TT huyện", "Tính cả tin bài đăng lại")
row("", "", "", ["+ Dưới 10: 1/4 Điểm tối đa;", "+ Chưa có chuyên mục: 0 điểm"])
row("1.2", "Văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp Huyện ký", "10",
    ["a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch huyện ký;",
     "b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện;", "- Tỷ lệ=a/b;",
     "- Điểm=Tỷ lệ*Điểm tối đa"], "Phòng VHTT")
document.save("quyet-dinh.docx")
