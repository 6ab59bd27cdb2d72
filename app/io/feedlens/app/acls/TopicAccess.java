package io.feedlens.app.acls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may read and who may write one topic, worked out from the cluster's ACLs the way Kafka's authorizer does:
 * an ALLOW for READ, WRITE or ALL on the topic's name, a matching prefix or {@code *}, unless a DENY for the same
 * principal (or {@code User:*}) matches too. Super users never show in ACLs, so they are not listed.
 */
public record TopicAccess(String topic, List<String> readers, List<String> writers,
                          List<String> deniedReaders, List<String> deniedWriters) {

    public TopicAccess {
        readers = List.copyOf(readers);
        writers = List.copyOf(writers);
        deniedReaders = List.copyOf(deniedReaders);
        deniedWriters = List.copyOf(deniedWriters);
    }

    public static TopicAccess of(String topic, List<AclEntry> acls) {
        List<AclEntry> covering = acls.stream().filter(acl -> acl.coversTopic(topic)).toList();
        return new TopicAccess(topic, allowed(covering, "READ"), allowed(covering, "WRITE"),
                denied(covering, "READ"), denied(covering, "WRITE"));
    }

    private static List<String> allowed(List<AclEntry> covering, String operation) {
        Set<String> denied = new LinkedHashSet<>(denied(covering, operation));
        boolean everyoneDenied = covering.stream().anyMatch(acl -> !acl.allow() && acl.concerns(operation)
                && acl.principal().equals("User:*") && acl.host().equals("*"));
        List<String> who = new ArrayList<>();
        for (AclEntry acl : covering) {
            if (acl.allow() && acl.concerns(operation) && !everyoneDenied
                    && !denied.contains(acl.principal()) && !who.contains(acl.who())) {
                who.add(acl.who());
            }
        }
        return who;
    }

    private static List<String> denied(List<AclEntry> covering, String operation) {
        return covering.stream().filter(acl -> !acl.allow() && acl.concerns(operation) && acl.host().equals("*"))
                .map(AclEntry::principal).distinct().toList();
    }

    /** "who can read, who can write" as two lines of text, for the CLI and the topic detail. */
    public List<String> describe() {
        return List.of("Read:  " + people(readers, deniedReaders), "Write: " + people(writers, deniedWriters));
    }

    private static String people(List<String> allowed, List<String> denied) {
        String who = allowed.isEmpty() ? "nobody but super users" : String.join(", ", allowed).replace("User:*", "everyone (User:*)");
        return denied.isEmpty() ? who : who + "; denied to " + String.join(", ", denied);
    }
}
