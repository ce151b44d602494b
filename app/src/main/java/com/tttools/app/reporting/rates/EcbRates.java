package com.tttools.app.reporting.rates;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the ECB's euro foreign exchange reference rates document (eurofxref-daily.xml, -hist-90d.xml, -hist.xml):
 * {@code <Cube time="2026-12-03"><Cube currency="USD" rate="1.0523"/>…</Cube>} inside a gesmes envelope, rates as
 * units per 1 EUR. The document comes from the network, so DTDs and external entities are refused.
 */
public final class EcbRates {

    /** A document that is not the ECB's format (or not XML at all). */
    public static final class MalformedRatesException extends RuntimeException {
        MalformedRatesException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private EcbRates() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** Every rate of the document, tagged with {@code source}; a document without any rate is malformed. */
    public static List<RateTable.Rate> parse(InputStream xml, String source) {
        List<RateTable.Rate> rates = new ArrayList<>();
        LocalDate day = null;
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(xml);
            try {
                while (reader.hasNext()) {
                    if (reader.next() != XMLStreamConstants.START_ELEMENT || !"Cube".equals(reader.getLocalName())) {
                        continue;
                    }
                    String time = reader.getAttributeValue(null, "time");
                    String currency = reader.getAttributeValue(null, "currency");
                    String rate = reader.getAttributeValue(null, "rate");
                    if (time != null) {
                        day = LocalDate.parse(time);
                    } else if (currency != null && rate != null) {
                        if (day == null || !currency.matches("[A-Z]{3}")) {
                            throw new MalformedRatesException("a rate outside a dated Cube, or a bad currency code", null);
                        }
                        BigDecimal value = new BigDecimal(rate);
                        if (value.signum() <= 0) {
                            throw new MalformedRatesException("a rate that is not positive: " + currency, null);
                        }
                        rates.add(new RateTable.Rate(currency, day, value, source));
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | DateTimeParseException | NumberFormatException e) {
            throw new MalformedRatesException("not an ECB reference rates document: " + e.getMessage(), e);
        }
        if (rates.isEmpty()) {
            throw new MalformedRatesException("the document holds no rates", null);
        }
        return rates;
    }
}
