// Strings of the public rating page (issue 14 item 4). Under the top-level `evaluations` key; the questions
// themselves come from the server (the regulation's form, in Vietnamese).
export const vi = {
  title: 'Đánh giá mức độ hài lòng',
  intro: 'Hồ sơ {{code}}: xin chọn một mức cho mỗi tiêu chí. Mỗi hồ sơ được đánh giá một lần.',
  submit: 'Gửi đánh giá',
  missing: 'Xin chọn một mức cho mỗi tiêu chí.',
  thanks: 'Cảm ơn ông/bà đã đánh giá. Ý kiến đã được ghi nhận.',
  already: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.',
  notFound: 'Đường dẫn đánh giá không hợp lệ.',
};
