package org.comunidad.platform.content;

import org.comunidad.platform.security.Viewer;

/**
 * Files a file another feature generated (the plan feature's yearly activity report) into a
 * working group's repository as a typed document, under the repository's own rules: who may
 * upload at the group's level, the group's storage quota, the audit trail; filing again the same
 * title and type adds a version to that document instead of a second document. Implemented by
 * the document feature ({@code document.DocumentFiling}); injected by the plan feature's
 * {@code PlanReportService}. Called outside any transaction (the file is stored, then referenced).
 */
public interface Filing {

    /** The document filed (new or with a new version): its id, its version number and its page. */
    record Filed(long documentId, int version, String link) {
    }

    /**
     * @param type the repository's document type by name ({@code REPORT}, {@code WORK_PLAN}...)
     * @param language the document's language (es, pt, en)
     * @throws Refused when the viewer may not file into the group's repository; the repository's
     *         own refusals (quota, size) as it answers an upload
     */
    Filed file(Viewer viewer, long groupId, String type, String title, String language, String fileName,
            byte[] content);
}
