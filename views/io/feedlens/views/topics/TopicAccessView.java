package io.feedlens.views.topics;

import java.util.List;

import io.feedlens.app.acls.AclEntry;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Access tab: who can read, who can write, then the ACLs covering the topic. Only binds. */
public final class TopicAccessView extends VBox {

    public TopicAccessView(TopicAccessViewModel model) {
        super(8);
        setPadding(new Insets(8, 0, 0, 0));
        Label readers = bound("access-readers", model.readersProperty());
        Label writers = bound("access-writers", model.writersProperty());
        Label message = bound("access-message", model.messageProperty());
        message.getStyleClass().add("text-muted");
        Label superUsers = new Label("Super users (the brokers' super.users) may do everything and are not listed.");
        superUsers.getStyleClass().add("text-muted");
        Button refresh = new Button("Refresh");
        refresh.setId("access-refresh");
        refresh.setOnAction(e -> model.refresh());

        TableView<AclEntry> table = Columns.table("topic-acls", model.acls(), "No ACL names this topic.");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                Columns.text("Principal", 200, AclEntry::principal, p -> p),
                Columns.text("Permission", 90, AclEntry::allow, allow -> allow ? "ALLOW" : "DENY"),
                Columns.text("Operation", 120, AclEntry::operation, o -> o),
                Columns.text("Resource", 220, AclEntry::resource, r -> r),
                Columns.text("Host", 120, AclEntry::host, h -> h)));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(message, readers, writers, superUsers, refresh, table);
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }
}
