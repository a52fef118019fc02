import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../platform/errors/app-error.js';
import { ATTACHMENT_MAX_BYTES, attachmentFileName, checkAttachment, decodeBase64 } from '../rules/attachment-content.js';

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.code;
  }
};

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);

describe('what an attachment must be', () => {
  test('each type is recognised by its first bytes', () => {
    assert.deepEqual(checkAttachment(PDF, 'application/pdf'), { mediaType: 'application/pdf', image: false });
    assert.equal(checkAttachment(zipWith('[Content_Types].xml', 'word/document.xml'), DOCX_TYPE).mediaType, DOCX_TYPE);
    assert.equal(checkAttachment(zipWith('[Content_Types].xml', 'xl/workbook.xml'), XLSX_TYPE).mediaType, XLSX_TYPE);
    assert.equal(checkAttachment(Buffer.from('情况说明\r\n第二行\t'), 'Text/Plain; charset=UTF-8').mediaType, 'text/plain');
    assert.deepEqual(checkAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'), { mediaType: 'image/jpeg', image: true });
  });

  test('content that lies about its type is refused', () => {
    assert.equal(code(() => checkAttachment(Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf')), 'ATTACHMENT_CONTENT_MISMATCH');
    assert.equal(code(() => checkAttachment(PDF, 'image/png')), 'ATTACHMENT_CONTENT_MISMATCH');
    assert.equal(code(() => checkAttachment(zipWith('[Content_Types].xml', 'xl/workbook.xml'), DOCX_TYPE)), 'ATTACHMENT_CONTENT_MISMATCH');
    assert.equal(code(() => checkAttachment(Buffer.from([0x61, 0x00, 0x62]), 'text/plain')), 'ATTACHMENT_CONTENT_MISMATCH');
    assert.equal(code(() => checkAttachment(Buffer.from([0xc3, 0x28]), 'text/plain')), 'ATTACHMENT_CONTENT_MISMATCH');
  });

  test('types not taken, empty files and files over the limit are refused', () => {
    assert.equal(code(() => checkAttachment(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/msword')), 'ATTACHMENT_TYPE_NOT_ALLOWED');
    assert.equal(code(() => checkAttachment(Buffer.from('<svg/>'), 'image/svg+xml')), 'ATTACHMENT_TYPE_NOT_ALLOWED');
    assert.equal(code(() => checkAttachment(PDF, 'toString')), 'ATTACHMENT_TYPE_NOT_ALLOWED');
    assert.equal(code(() => checkAttachment(Buffer.alloc(0), 'application/pdf')), 'ATTACHMENT_EMPTY');
    assert.equal(code(() => checkAttachment(Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]), 'application/pdf')), 'ATTACHMENT_TOO_LARGE');
  });

  test('only strict base64 is decoded', () => {
    assert.deepEqual(decodeBase64(PDF.toString('base64')), PDF);
    assert.equal(code(() => decodeBase64('JVBERi0*')), 'ATTACHMENT_NOT_BASE64');
    assert.equal(code(() => decodeBase64('JVBERi0')), 'ATTACHMENT_NOT_BASE64');
  });

  test('a file keeps its name, without a path, with an extension of its type', () => {
    assert.equal(attachmentFileName('C:\\Users\\张三\\申请书.pdf', 'application/pdf'), '申请书.pdf');
    assert.equal(attachmentFileName('../../etc/passwd', 'text/plain'), 'passwd.txt');
    assert.equal(attachmentFileName('证据.exe', 'application/pdf'), '证据.exe.pdf');
    assert.equal(attachmentFileName('现场照片.webp', 'image/jpeg'), '现场照片.jpg');
    assert.equal(attachmentFileName('现场照片.JPG', 'image/jpeg'), '现场照片.JPG');
    assert.equal(attachmentFileName('"\u0000', 'application/pdf'), 'attachment.pdf');
  });
});
