package dev.quorumbench.analysis.ci;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link JunitReport} as the JUnit XML that Jenkins, GitLab and GitHub test-report actions read
 * ({@code testsuites > testsuite > properties, testcase > failure}). The JDK's StAX writer, not Jackson: Jackson's
 * XML module is not among this build's dependencies, and StAX escapes every attribute and text.
 */
public final class JunitXml {

    private JunitXml() {
    }

    public static String render(JunitReport r) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            nl(w, 0);
            w.writeStartElement("testsuites");
            counts(w, r);
            nl(w, 1);
            w.writeStartElement("testsuite");
            w.writeAttribute("name", r.name());
            counts(w, r);
            nl(w, 2);
            w.writeStartElement("properties");
            for (JunitReport.Property p : r.properties()) {
                nl(w, 3);
                w.writeEmptyElement("property");
                w.writeAttribute("name", p.name());
                w.writeAttribute("value", p.value());
            }
            nl(w, 2);
            w.writeEndElement();
            for (JunitReport.Case c : r.cases()) {
                nl(w, 2);
                if (!c.failed()) {
                    w.writeEmptyElement("testcase");
                    caseAttributes(w, c);
                    continue;
                }
                w.writeStartElement("testcase");
                caseAttributes(w, c);
                nl(w, 3);
                w.writeStartElement("failure");
                // Reporters show the message as the headline and the text as the details: first reason, then all.
                w.writeAttribute("message", c.failures().get(0)
                        + (c.failures().size() > 1 ? " (+" + (c.failures().size() - 1) + " more)" : ""));
                w.writeAttribute("type", "criterion");
                w.writeCharacters(String.join("\n", c.failures()));
                w.writeEndElement();
                nl(w, 2);
                w.writeEndElement();
            }
            nl(w, 1);
            w.writeEndElement();
            nl(w, 0);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render JUnit XML", e); // writing to a StringWriter cannot fail
        }
        return text + "\n";
    }

    private static void counts(XMLStreamWriter w, JunitReport r) throws XMLStreamException {
        w.writeAttribute("tests", Integer.toString(r.cases().size()));
        w.writeAttribute("failures", Long.toString(r.failures()));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", "0");
    }

    private static void caseAttributes(XMLStreamWriter w, JunitReport.Case c) throws XMLStreamException {
        w.writeAttribute("name", c.name());
        w.writeAttribute("classname", JunitReport.CLASS_NAME);
    }

    private static void nl(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
