package org.comunidad.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tests only (registered in src/test/resources/META-INF/services): stands in for the
 * pathological files that real parsers meet. A file of type application/x-comunidad-prueba
 * whose first line says LENTO never finishes parsing, MEMORIA allocates until the heap
 * is exhausted, DAÑADO fails as a corrupt file does; anything else yields its text.
 */
public class PathologicalTestParser implements Parser {

    private static final long serialVersionUID = 1L;
    static final MediaType TYPE = MediaType.application("x-comunidad-prueba");

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(TYPE);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("");
        if (first.contains("LENTO")) {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    // As a parser stuck in a loop would: it does not stop when asked.
                }
            }
        }
        if (first.contains("MEMORIA")) {
            List<byte[]> kept = new ArrayList<>();
            while (true) {
                kept.add(new byte[1 << 20]);
            }
        }
        if (first.contains("DAÑADO")) {
            throw new TikaException("archivo de prueba dañado");
        }
        XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
        xhtml.startDocument();
        xhtml.element("p", text.substring(first.length()).strip());
        xhtml.endDocument();
    }
}
