package org.comunidad.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.platform.storage.StorageQuota;
import org.comunidad.platform.storage.StorageUse;

/**
 * The documents' share of a group's storage (every version of every document, the trash
 * included: the counter {@code document_storage.bytes}, which triggers on {@code document_version}
 * and {@code document} keep in the same transaction as every change) and the group's quota
 * itself, which the repository keeps ({@link DocumentService#quota}) for every feature that
 * stores files.
 */
@ApplicationScoped
public class DocumentStorage implements StorageUse, StorageQuota {

    @Inject
    DocumentService documents;

    @Override
    public String bytesSql() {
        // A counter the database keeps in step with every version stored or removed (V20's triggers).
        return "select bytes from document_storage where group_id = :group";
    }

    @Override
    @Transactional
    public Quota quota(long groupId) {
        DocumentService.Quota quota = documents.quota(groupId);
        return new Quota(quota.used(), quota.limit());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Quota lockedQuota(long groupId) {
        DocumentService.Quota quota = documents.lockedQuota(groupId);
        return new Quota(quota.used(), quota.limit());
    }
}
