/** Site-wide constants. */
export const SITE_NAME = 'Địa chí';
export const SITE_TAGLINE = 'Lưu trữ tin tức địa phương Việt Nam';
export const SITE_DESCRIPTION =
  'Địa chí lưu trữ các bài báo địa phương Việt Nam — xây dựng Đảng, chính quyền cơ sở, đời sống thôn bản — với số liệu và địa danh đã được kiểm tra.';
/** Articles per listing page. */
export const PAGE_SIZE = 20;
