// Package input reads the files officers bring to Qicao and turns them into
// UTF-8 text for the parser.
//
// It accepts plain text in UTF-8 (with or without a byte-order mark),
// GBK/GB18030, Big5 and UTF-16 (little or big endian, with or without a
// mark), Markdown (.md, its markup dropped), and Word documents in the
// .docx format, from which it takes the text of each paragraph, one
// paragraph a line. The encoding of a text file is detected, never asked
// for: most officers' .txt files are GBK, saved by Notepad or WPS on a
// Chinese Windows. GBK and Big5 overlap, so the one whose decoding gives
// the characters Chinese official texts use wins; a double-byte text that
// is Chinese in neither (Shift-JIS, EUC-JP, EUC-KR…) is refused rather
// than read as nonsense. The main part of a .docx is the one its package
// relationships name, by its exact name. Saved web pages (.html, .htm)
// are read as their article, in the charset they declare; HTML markup in a
// .txt is read as HTML. Text PDFs are read with their page numbers and
// running heads dropped and their lines re-flowed into paragraphs. Legacy
// Word (.doc), WPS (.wps), RTF and OpenDocument (.odt) files are converted
// by LibreOffice headless, when it is installed, and read as .docx.
//
// Everything else is refused with an *Error whose message, in Simplified
// Chinese, names the file and says what is wrong and, where there is one,
// what to do: binary files, empty files (white space or invisible
// characters only), text in an encoding it cannot recognise, files over
// MaxSize, zip archives that are not Word documents, zip and PDF bombs,
// broken .docx and PDF files, scanned PDFs without text, and .doc/.wps/
// .rtf/.odt files when LibreOffice is missing (the message names the
// package to install) or cannot convert them.
// Each refusal has a Kind. The package only reads: it never writes a file.
//
// Line endings are normalised to \n (a form feed becomes \n too); the text
// is otherwise returned as it is, without trimming.
package input
