package org.comunidad.meeting;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.storage.ObjectKeys;
import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.storage.StorageException;
import org.comunidad.platform.storage.StorageQuota;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The recordings of meetings (video or audio, large files), on the documents' storage path:
 * store, then reference. The body streams to the object store (its type decided from its first
 * bytes, never from its name or the browser's word; its size counted on the way and held to the
 * limit and to the room left in the group's quota), and only once the object is complete is the
 * row committed, under the group's quota lock; if that fails the object is removed. Playback
 * streams the bytes asked for (a range when seeking). Members of the group see and play them;
 * those who run the meeting upload and delete; uploads, deletions and each playback from the
 * start are audited (not every seek: a player asks for many ranges).
 */
@ApplicationScoped
public class MeetingRecordings {

    private static final Logger LOG = Logger.getLogger(MeetingRecordings.class);
    static final String KEY_PREFIX = "recordings";
    static final int FILE_NAME_MAX = 255;
    private static final int COPY_BUFFER = 1024 * 1024;
    private static final int DETECTION_LENGTH = 64 * 1024;

    /** Ogg files Tika names by their codec (from the extension), served as browsers know them. */
    private static final java.util.Map<String, String> CODEC_TYPES = java.util.Map.of("audio/vorbis", "audio/ogg",
            "audio/opus", "audio/ogg", "audio/speex", "audio/ogg", "video/theora", "video/ogg", "video/daala",
            "video/ogg");

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes(MeetingRecordings.class.getClassLoader());
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    /** A recording to play: where its bytes are and what they are. */
    public record Playback(long id, long groupId, String objectKey, String fileName, String contentType,
            long sizeBytes) {
    }

    /** The recordings' own page: the meeting's section on a page of its own (linked from the refusal page, and a test's view). */
    public record RecordingsPage(org.comunidad.community.Community community, long meetingId, String title,
            MeetingPage page) {
    }

    @Inject
    Meetings meetings;

    @Inject
    ObjectStore store;

    @Inject
    StorageQuota quotas;

    @Inject
    MeetingRecordingConfig config;

    @Inject
    EntityManager em;

    /** The section of the meeting's page; called inside the page's transaction (one statement). */
    public RecordingsSection section(Viewer viewer, Meetings.Found found) {
        boolean runs = MeetingAccess.runs(viewer, found.community());
        String slug = found.community().slug;
        long meetingId = found.meeting().id;
        List<RecordingsSection.Item> items = em.createQuery("""
                select r from MeetingRecording r join fetch r.uploader
                where r.meeting.id = :meeting order by r.createdAt, r.id""", MeetingRecording.class)
                .setParameter("meeting", meetingId).getResultStream()
                .map(r -> new RecordingsSection.Item(r.id, r.fileName, r.contentType, r.isVideo(), r.sizeBytes,
                        r.uploader.displayName, r.createdAt,
                        Links.community(slug, "meetings", meetingId, "recordings", r.id),
                        Links.community(slug, "meetings", meetingId, "recordings", r.id, "delete"), runs))
                .toList();
        return new RecordingsSection(runs, items, config.maxBytes());
    }

    /** The recordings of one meeting on a page of their own, for members of the group. */
    @Transactional
    public Optional<RecordingsPage> page(Viewer viewer, CommunityRef ref, long meetingId) {
        return meetings.visible(viewer, ref, meetingId).map(found -> new RecordingsPage(found.community(),
                meetingId, found.meeting().title, new MeetingPage(found.community().slug, meetingId,
                        section(viewer, found), null, found.community(), null)));
    }

    /**
     * Stores a recording of a meeting of this community; empty (nothing read, nothing stored) when
     * the viewer cannot see the meeting here. declaredLength -1 when the client did not say.
     */
    public Optional<Long> upload(Viewer viewer, CommunityRef ref, long meetingId, String typedFileName,
            long declaredLength, InputStream body) {
        String fileName = safeFileName(typedFileName);
        // Every check that needs no bytes comes first: a refused upload stores nothing.
        Optional<StorageQuota.Quota> room = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Meetings.Found> found = meetings.visible(viewer, ref, meetingId);
            if (found.isEmpty()) {
                return Optional.<StorageQuota.Quota> empty();
            }
            requireRunner(viewer, found.get());
            if (declaredLength > config.maxBytes()) {
                throw new RecordingRefused(RecordingRefused.Code.TOO_LARGE, config.maxBytes());
            }
            StorageQuota.Quota quota = quotas.quota(found.get().community().groupId());
            if (!quota.allows(Math.max(0, declaredLength))) {
                throw new RecordingRefused(RecordingRefused.Code.QUOTA, quota.limit());
            }
            return Optional.of(quota);
        });
        if (room.isEmpty()) {
            return Optional.empty();
        }
        Stored object = storeObject(fileName, declaredLength, body, room.get());
        try {
            Long id = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Meetings.Found> found = meetings.visible(viewer, ref, meetingId);
                if (found.isEmpty()) {
                    return null;
                }
                requireRunner(viewer, found.get());
                long groupId = found.get().community().groupId();
                StorageQuota.Quota quota = quotas.lockedQuota(groupId);
                if (!quota.allows(object.size())) {
                    throw new RecordingRefused(RecordingRefused.Code.QUOTA, quota.limit());
                }
                MeetingRecording recording = new MeetingRecording();
                recording.meeting = found.get().meeting();
                recording.groupId = groupId;
                recording.objectKey = object.key();
                recording.fileName = fileName;
                recording.contentType = object.contentType();
                recording.sizeBytes = object.size();
                recording.uploader = em.getReference(Member.class, viewer.memberId());
                recording.persist();
                em.flush();
                AuditLog.record(viewer.memberId(), groupId, MeetingRoomAudit.Action.MEETING_RECORDING_UPLOAD.name(),
                        "meeting_recording", recording.id, "meeting " + meetingId + ", " + fileName + ", "
                                + object.contentType() + ", " + object.size() + " bytes");
                return recording.id;
            });
            if (id == null) {
                discard(object.key());
            }
            return Optional.ofNullable(id);
        } catch (RuntimeException e) {
            discard(object.key());
            throw e;
        }
    }

    /** A recording of this meeting of this community, if the viewer may play it (a member of the group). */
    @Transactional
    public Optional<Playback> playback(Viewer viewer, CommunityRef ref, long meetingId, long recordingId) {
        return meetings.visible(viewer, ref, meetingId).flatMap(found -> recordingOf(found, recordingId))
                .map(r -> new Playback(r.id, r.groupId, r.objectKey, r.fileName, r.contentType, r.sizeBytes));
    }

    /**
     * The bytes from offset on, length of them, as they stream from the object store (never held
     * in memory). A playback from the first byte is on record (who, which recording), seeks are not.
     */
    public StreamingOutput stream(Viewer viewer, Playback playback, long offset, long length) {
        if (offset == 0) {
            QuarkusTransaction.requiringNew().run(() -> AuditLog.record(viewer.memberId(), playback.groupId(),
                    MeetingRoomAudit.Action.MEETING_RECORDING_PLAY.name(), "meeting_recording", playback.id(),
                    playback.fileName()));
        }
        return out -> {
            if (length == 0) {
                return;
            }
            try (InputStream in = offset == 0 && length == playback.sizeBytes() ? store.get(playback.objectKey())
                    : store.getRange(playback.objectKey(), offset, length)) {
                byte[] buffer = new byte[COPY_BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            }
        };
    }

    /** Removes a recording (its row now, its file once that is committed); those who run the meeting only. */
    public Optional<Long> delete(Viewer viewer, CommunityRef ref, long meetingId, long recordingId) {
        Optional<String> key = QuarkusTransaction.requiringNew().call(() -> meetings.visible(viewer, ref, meetingId)
                .flatMap(found -> recordingOf(found, recordingId).map(r -> {
                    requireRunner(viewer, found);
                    AuditLog.record(viewer.memberId(), r.groupId, MeetingRoomAudit.Action.MEETING_RECORDING_DELETE.name(),
                            "meeting_recording", r.id, "meeting " + meetingId + ", " + r.fileName + ", "
                                    + r.sizeBytes + " bytes");
                    r.delete();
                    return r.objectKey;
                })));
        key.ifPresent(this::discard);
        return key.map(k -> meetingId);
    }

    private static Optional<MeetingRecording> recordingOf(Meetings.Found found, long recordingId) {
        return MeetingRecording.<MeetingRecording> findByIdOptional(recordingId)
                .filter(r -> r.meeting.id.equals(found.meeting().id));
    }

    private static void requireRunner(Viewer viewer, Meetings.Found found) {
        if (!MeetingAccess.runs(viewer, found.community())) {
            throw new Refused(Refused.Reason.NOT_MODERATOR);
        }
    }

    // ---- Storing

    /** A stored object, not yet referenced by any row. */
    record Stored(String key, long size, String contentType) {
    }

    /**
     * Streams the body into a new object: type from its first bytes (video or audio, or refused),
     * then the size counted on the way. Reading stops past the size limit or past the room left
     * in the group's quota, whichever is smaller.
     */
    Stored storeObject(String fileName, long declaredLength, InputStream body, StorageQuota.Quota quota) {
        boolean quotaBound = quota.room() < config.maxBytes();
        Metered metered = new Metered(body, quotaBound ? quota.room() : config.maxBytes());
        java.util.function.Supplier<RecordingRefused> overLimit = () -> quotaBound
                ? new RecordingRefused(RecordingRefused.Code.QUOTA, quota.limit())
                : new RecordingRefused(RecordingRefused.Code.TOO_LARGE, config.maxBytes());
        BufferedInputStream in = new BufferedInputStream(metered, DETECTION_LENGTH + 1);
        String contentType;
        try {
            in.mark(DETECTION_LENGTH + 1);
            contentType = detect(in, fileName);
            in.reset();
        } catch (IOException e) {
            if (metered.tooLarge) {
                throw overLimit.get();
            }
            throw new RecordingRefused(RecordingRefused.Code.INCOMPLETE, e);
        }
        if (metered.count == 0) {
            throw new RecordingRefused(RecordingRefused.Code.EMPTY, 0);
        }
        if (contentType == null) {
            throw new RecordingRefused(RecordingRefused.Code.NOT_MEDIA, 0);
        }
        String key = ObjectKeys.newKey(KEY_PREFIX);
        try {
            store.put(key, in, declaredLength, contentType);
        } catch (StorageException e) {
            discard(key);
            if (metered.tooLarge) {
                throw overLimit.get();
            }
            if (metered.failed) {
                throw new RecordingRefused(RecordingRefused.Code.INCOMPLETE, e);
            }
            LOG.warnf("object store unavailable during a recording's upload: %s", e.getMessage());
            throw new RecordingRefused(RecordingRefused.Code.STORAGE_UNAVAILABLE, e);
        }
        if (declaredLength >= 0 && metered.count != declaredLength) {
            discard(key);
            throw new RecordingRefused(RecordingRefused.Code.INCOMPLETE, 0);
        }
        return new Stored(key, metered.count, contentType);
    }

    /**
     * The type the content proves (Tika's magic bytes), if it is video or audio; null otherwise.
     * Containers are often told only by family (an MP4 is an ISO/QuickTime file, a WebM a Matroska
     * one, an Ogg file may hold either): then the file's extension may name a more precise video or
     * audio type of that same family (video/mp4, video/webm, audio/ogg), never another family.
     */
    static String detect(InputStream markable, String fileName) throws IOException {
        MediaType byContent = TYPES.detect(markable, new Metadata()).getBaseType();
        if (fileName != null && !MediaType.OCTET_STREAM.equals(byContent)) {
            Metadata named = new Metadata();
            named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            MediaType byName = TYPES.detect(null, named).getBaseType();
            if (media(byName) && REGISTRY.isInstanceOf(byName, family(byContent))) {
                return CODEC_TYPES.getOrDefault(byName.toString(), byName.toString());
            }
        }
        return media(byContent) ? byContent.toString() : null;
    }

    /** The most general type above this one, short of "any bytes" (video/quicktime: application/quicktime). */
    private static MediaType family(MediaType type) {
        MediaType family = type;
        MediaType up = REGISTRY.getSupertype(family);
        while (up != null && !MediaType.OCTET_STREAM.equals(up) && !MediaType.TEXT_PLAIN.equals(up)) {
            family = up;
            up = REGISTRY.getSupertype(family);
        }
        return family;
    }

    private static boolean media(MediaType type) {
        return "video".equals(type.getType()) || "audio".equals(type.getType());
    }

    /** Removes an object that no row references; if the store is down, the sweeper will ({@link MeetingRecordingJobs}). */
    void discard(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not remove unreferenced recording object %s: %s", key, e.getMessage());
        }
    }

    /** The name as the user's machine called it, without folders or control characters; never empty. */
    static String safeFileName(String raw) {
        if (raw == null) {
            return "grabacion";
        }
        String name = raw.replace('\\', '/');
        name = Normalizer.normalize(name.substring(name.lastIndexOf('/') + 1), Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || "<>:\"|?*".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT) {
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
            return "grabacion";
        }
        return result.length() > FILE_NAME_MAX ? result.substring(result.length() - FILE_NAME_MAX) : result;
    }

    /** Counts the bytes read, stops past the limit, and remembers whether the client's stream failed. */
    static final class Metered extends FilterInputStream {
        final long limit;
        long count;
        boolean tooLarge;
        boolean failed;

        Metered(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > limit) {
                tooLarge = true;
                throw new IOException("file larger than " + limit + " bytes");
            }
        }
    }
}
