package io.feedlens.app.acls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopicAccessTest {

    private static AclEntry acl(String principal, String operation, boolean allow, String name, String pattern) {
        return new AclEntry(principal, "*", operation, allow, "TOPIC", name, pattern);
    }

    @Test
    void prefixesWildcardsAndAllCountAndADenyTakesThePrincipalOut() {
        List<AclEntry> acls = List.of(
                acl("User:etl", "WRITE", true, "payments.", "PREFIXED"),
                acl("User:analyst", "READ", true, "*", "LITERAL"),
                acl("User:ops", "ALL", true, "payments.cards", "LITERAL"),
                acl("User:analyst", "READ", false, "payments.cards", "LITERAL"),
                acl("User:other", "READ", true, "orders", "LITERAL"));

        TopicAccess access = TopicAccess.of("payments.cards", acls);

        assertThat(access.readers()).containsExactly("User:ops");
        assertThat(access.writers()).containsExactly("User:etl", "User:ops");
        assertThat(access.describe()).containsExactly("Read:  User:ops; denied to User:analyst", "Write: User:etl, User:ops");
    }

    @Test
    void everyoneAllowedReadsAsEveryoneAndADenyForEveryoneLeavesNobody() {
        assertThat(TopicAccess.of("t", List.of(acl("User:*", "READ", true, "t", "LITERAL"))).describe().get(0))
                .isEqualTo("Read:  everyone (User:*)");
        assertThat(TopicAccess.of("t", List.of(acl("User:bob", "READ", true, "t", "LITERAL"),
                acl("User:*", "READ", false, "*", "LITERAL"))).readers()).isEmpty();
    }
}
