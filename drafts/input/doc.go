// Package input reads the files officers bring to Qicao and turns them into
// UTF-8 text for the parser.
//
// It accepts plain text in UTF-8 (with or without a byte-order mark),
// GBK/GB18030 and UTF-16 (little or big endian, with or without a mark),
// and Word documents in the .docx format, from which it takes the text of
// each paragraph, one paragraph a line. The encoding of a text file is
// detected, never asked for: most officers' .txt files are GBK, saved by
// Notepad or WPS on a Chinese Windows.
//
// Everything else is refused with an *Error whose message, in Simplified
// Chinese, names the file and says what is wrong and, where there is one,
// what to do: binary files, empty files, text in an encoding it cannot
// recognise, files over MaxSize, zip archives that are not Word documents,
// zip bombs, broken .docx files and legacy .doc files (which must be saved
// as .docx first). The package only reads: it never writes a file.
//
// Line endings are normalised to \n (a form feed becomes \n too); the text
// is otherwise returned as it is, without trimming.
package input
