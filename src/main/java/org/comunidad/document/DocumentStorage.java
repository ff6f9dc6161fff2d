package org.comunidad.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.platform.storage.StorageQuota;
import org.comunidad.platform.storage.StorageUse;

/**
 * The documents' share of a group's storage (every version of every document, the trash
 * included) and the group's quota itself, which the repository keeps ({@link DocumentService#quota})
 * for every feature that stores files.
 */
@ApplicationScoped
public class DocumentStorage implements StorageUse, StorageQuota {

    @Inject
    DocumentService documents;

    @Override
    public String bytesSql() {
        return "select sum(v.size_bytes) from document_version v join document d on d.id = v.document_id "
                + "where d.group_id = :group";
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
