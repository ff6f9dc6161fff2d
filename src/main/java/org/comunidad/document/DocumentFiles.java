package org.comunidad.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, decided from its content (Tika's magic bytes) and checked against its
 * name; and how to name it safely when it is downloaded.
 */
public final class DocumentFiles {

    /**
     * Tika's types as the app's class loader sees them, with any custom-mimetypes.xml the
     * app ships (Tika's default looks only where Tika itself was loaded from).
     */
    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes(DocumentFiles.class.getClassLoader());
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    /** Programs and scripts: refused whatever they are called. */
    private static final Set<String> EXECUTABLE_TYPES = Set.of(
            "application/x-msdownload", "application/x-dosexec", "application/x-executable",
            "application/x-sharedlib", "application/x-elf", "application/x-mach-o-executable",
            "application/x-mach-o", "application/x-mach-o-universal", "application/java-archive",
            "application/x-java-archive", "application/java-vm", "application/x-sh", "application/x-csh",
            "application/x-bat", "application/x-ms-installer", "application/x-msi",
            "application/vnd.microsoft.portable-executable", "application/x-ms-shortcut",
            "application/vnd.android.package-archive", "application/x-apple-diskimage",
            "text/x-python", "application/x-python-code", "text/x-perl", "application/javascript",
            "text/javascript", "application/x-powershell", "text/x-vbscript", "application/hta");

    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "dll", "com", "scr", "msi", "msp", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "jse",
            "mjs", "wsf", "wsh", "sh", "bash", "csh", "ksh", "jar", "class", "apk", "app", "elf", "so", "dylib",
            "lnk", "hta", "cpl", "pif", "gadget", "reg", "dmg", "py", "pl", "run", "bin");

    private static final Set<String> PREVIEWABLE = Set.of("application/pdf", "image/png", "image/jpeg",
            "image/gif", "image/webp");

    private DocumentFiles() {
    }

    /** How many leading bytes detection may read (the stream must support mark/reset that far). */
    public static int detectionLength() {
        return Math.max(TYPES.getMinLength(), 64 * 1024);
    }

    /**
     * The file's type: from its content, made more specific by its name when the two agree
     * (a .docx is a ZIP archive). Refuses programs and files whose name and content disagree.
     * Reads at most {@link #detectionLength()} bytes and resets the stream.
     */
    public static String detect(InputStream markable, String fileName) throws IOException {
        MediaType byContent = TYPES.detect(markable, new Metadata());
        Metadata named = new Metadata();
        named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType byName = TYPES.detect(null, named);
        String extension = extension(fileName);
        if (isExecutable(byContent) || isExecutable(byName) || EXECUTABLE_EXTENSIONS.contains(extension)) {
            throw new UploadRefused(UploadRefused.Code.EXECUTABLE, 0);
        }
        if (MediaType.OCTET_STREAM.equals(byName)) {
            return byContent.getBaseType().toString();
        }
        if (REGISTRY.isInstanceOf(byName, byContent.getBaseType())) {
            return byName.getBaseType().toString();
        }
        if (MediaType.OCTET_STREAM.equals(byContent) && !byName.getType().equals("text")
                && !PREVIEWABLE.contains(byName.getBaseType().toString())) {
            // No magic bytes to compare with (many binary formats have none): the name stands,
            // except for types a browser would display (those must prove what they are).
            return byName.getBaseType().toString();
        }
        if (REGISTRY.isInstanceOf(byContent, byName.getBaseType())) {
            return byContent.getBaseType().toString();
        }
        throw new UploadRefused(UploadRefused.Code.MISMATCH, 0);
    }

    private static boolean isExecutable(MediaType type) {
        MediaType t = type.getBaseType();
        while (t != null) {
            if (EXECUTABLE_TYPES.contains(t.toString())) {
                return true;
            }
            t = REGISTRY.getSupertype(t);
        }
        return false;
    }

    public static boolean previewable(String contentType) {
        return contentType != null && PREVIEWABLE.contains(contentType);
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The name as the user's machine called it, without any folder part, control
     * characters or characters that file systems reject; never empty.
     */
    public static String safeFileName(String raw) {
        if (raw == null) {
            return "documento";
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || "<>:\"|?*".indexOf(cp) >= 0 || Character.getType(cp) == Character.FORMAT) {
                clean.append('_');
            } else {
                clean.appendCodePoint(cp);
            }
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isBlank()) {
            return "documento";
        }
        if (result.length() > DocumentVersion.FILE_NAME_MAX) {
            String ext = extension(result);
            int keep = DocumentVersion.FILE_NAME_MAX - ext.length() - 1;
            result = ext.isEmpty() || keep < 1 ? result.substring(0, DocumentVersion.FILE_NAME_MAX)
                    : result.substring(0, keep) + "." + ext;
        }
        return result;
    }

    /**
     * Content-Disposition per RFC 6266: an ASCII fallback name for old clients and the
     * exact name in UTF-8 (RFC 5987) for the others.
     */
    public static String contentDisposition(boolean inline, String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_").replace("%", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The file's name without its extension: a default title. */
    public static String titleFrom(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        base = base.replace('_', ' ').strip();
        return base.length() > Document.TITLE_MAX ? base.substring(0, Document.TITLE_MAX) : base;
    }
}
