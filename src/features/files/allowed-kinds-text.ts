/** What people may share, in words: the server's refusals and the browser's say the same. */
export const allowedKindsText =
  'photos (JPEG, PNG, WebP), PDF, plain text, short videos (MP4, MOV, WebM) and audio (M4A, MP3, WebM)'
