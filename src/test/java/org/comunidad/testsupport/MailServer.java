package org.comunidad.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server of the tests and the local run (GreenMail): it accepts every email that
 * Keycloak and the app send and keeps it; nothing leaves the machine. The local run prints
 * each one and writes it to .local/mail/ as an .eml file; the tests read them.
 */
public final class MailServer implements AutoCloseable {

    public static final String FROM = "comunidad@prosur.example";

    /** An email as received, with its text parts decoded. */
    public record Mail(String to, String subject, String text, String html, MimeMessage message) {

        /** The first link of the text (or HTML) part that starts with the prefix. */
        public String link(String prefix) {
            Matcher m = Pattern.compile(Pattern.quote(prefix) + "[^\\s\"<>]*").matcher(text + "\n" + html);
            if (!m.find()) {
                throw new AssertionError("no link starting with " + prefix + " in:\n" + text + "\n" + html);
            }
            return m.group().replace("&amp;", "&");
        }

        public String header(String name) {
            try {
                String[] values = message.getHeader(name);
                return values == null ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final GreenMail greenMail;
    private final ScheduledExecutorService printer;

    private MailServer(int port, Path keepIn) {
        greenMail = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        if (keepIn != null) {
            printer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-mailbox");
                t.setDaemon(true);
                return t;
            });
            int[] printed = { 0 };
            printer.scheduleWithFixedDelay(() -> printed[0] = printNew(keepIn, printed[0]), 1, 1, TimeUnit.SECONDS);
        } else {
            printer = null;
        }
    }

    public static MailServer forTests(int port) {
        return new MailServer(port, null);
    }

    public static MailServer forLocalRun(int port, Path keepIn) {
        return new MailServer(port, keepIn);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every email received so far, oldest first. */
    public List<Mail> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::decode).toList();
    }

    /** Emails received so far for one address. */
    public List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits (up to the timeout) for an email that matches; fails with what arrived otherwise. */
    public Mail await(Predicate<Mail> which, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Mail mail : all()) {
                if (which.test(mail)) {
                    return mail;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such email within " + timeout + "; received: "
                        + all().stream().map(m -> m.to() + " / " + m.subject()).toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private int printNew(Path keepIn, int alreadyPrinted) {
        MimeMessage[] received = greenMail.getReceivedMessages();
        for (int i = alreadyPrinted; i < received.length; i++) {
            Mail mail = decode(received[i]);
            try {
                Files.createDirectories(keepIn);
                Path file = keepIn.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-" + (i + 1) + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    received[i].writeTo(out);
                }
                System.out.printf("%n--- email to %s: %s (%s)%n%s%n---%n", mail.to(), mail.subject(),
                        KeycloakServer.projectDir().relativize(file), mail.text().strip());
            } catch (IOException | MessagingException e) {
                System.err.println("could not keep an email: " + e);
            }
        }
        return received.length;
    }

    private static Mail decode(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            String to = message.getAllRecipients() == null || message.getAllRecipients().length == 0 ? ""
                    : ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
            return new Mail(to, message.getSubject(), text.toString(), html.toString(), message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        } else if (part instanceof Message) {
            text.append(GreenMailUtil.getBody(part));
        }
    }

    /** Forgets every email received (tests that count emails start from zero). */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (printer != null) {
            printer.shutdownNow();
        }
        greenMail.stop();
    }
}
