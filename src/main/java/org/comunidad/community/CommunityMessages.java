package org.comunidad.community;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The community model's labels (kinds of community, categories of subgroup), in Spanish (messages/comm.properties), Portuguese
 * (comm_pt) and English (comm_en); templates use them as {comm:...}.
 */
@MessageBundle(value = "comm", locale = "es")
public interface CommunityMessages {

    @Message String community_kind(CommunityKind kind);

    @Message String community_category(SubgroupCategory category);
}
