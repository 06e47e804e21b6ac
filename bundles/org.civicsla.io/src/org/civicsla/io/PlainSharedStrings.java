package org.civicsla.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings as plain text. POI's read-only table hands out an XMLBeans-backed
 * rich text object for every cell that uses a shared string, which costs more than parsing the
 * cell; an import needs only the text. Phonetic runs ({@code rPh}) are left out, as Excel shows them.
 * The strings of one workbook are held in memory (they are usually far fewer than its cells).
 */
final class PlainSharedStrings extends DefaultHandler {

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inText;
    private boolean inPhonetic;

    private PlainSharedStrings() {
    }

    static PlainSharedStrings of(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
        PlainSharedStrings table = new PlainSharedStrings();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream in = parts.get(0).getInputStream()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(table);
                parser.parse(new InputSource(in));
            }
        }
        return table;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> text.setLength(0);
            case "t" -> inText = true;
            case "rPh" -> inPhonetic = true;
            default -> {
                // formatting runs (r, rPr, ...) only wrap text
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si" -> strings.add(text.toString());
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {
                // nothing to do
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText && !inPhonetic) {
            text.append(ch, start, length);
        }
    }

    /** The text of shared string {@code index}, as a cell of type "s" names it. */
    String text(int index) {
        if (index < 0 || index >= strings.size()) {
            throw new IllegalArgumentException("a cell names shared string " + index + " of " + strings.size());
        }
        return strings.get(index);
    }
}
