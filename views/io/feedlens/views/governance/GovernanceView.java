package io.feedlens.views.governance;

import java.util.Arrays;
import java.util.List;

import io.feedlens.app.governance.Classification;
import io.feedlens.app.topics.TopicSummary;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The topic detail's "Governance" tab: owner, classification, required retention and notes, and the masking rules that apply. */
public final class GovernanceView extends VBox {

    public GovernanceView(GovernanceViewModel model) {
        super(8);
        setPadding(new Insets(8, 0, 0, 0));
        TextField owner = new TextField();
        owner.setId("governance-owner");
        owner.textProperty().bindBidirectional(model.ownerProperty());
        ComboBox<Classification> classification = new ComboBox<>();
        classification.setId("governance-classification");
        classification.getItems().add(null);
        classification.getItems().addAll(Arrays.asList(Classification.values()));
        classification.setConverter(new StringConverter<>() {
            @Override
            public String toString(Classification c) {
                return c == null ? "not recorded" : c.words();
            }

            @Override
            public Classification fromString(String text) {
                return null;
            }
        });
        classification.valueProperty().bindBidirectional(model.classificationProperty());
        TextField retention = new TextField();
        retention.setId("governance-retention");
        retention.setPromptText("e.g. P7D (7 days), PT36H");
        retention.textProperty().bindBidirectional(model.requiredRetentionProperty());
        TextArea notes = new TextArea();
        notes.setId("governance-notes");
        notes.setPrefRowCount(3);
        notes.textProperty().bindBidirectional(model.notesProperty());
        Button save = new Button("Save");
        save.setId("governance-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(model.editableProperty().not());
        save.setOnAction(e -> model.save());
        Label status = new Label();
        status.setId("governance-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Owner"), owner);
        form.addRow(1, new Label("Classification"), classification);
        form.addRow(2, new Label("Required retention"), retention);
        form.addRow(3, new Label("Notes"), notes);
        form.add(save, 1, 4);
        form.disableProperty().bind(model.editableProperty().not());

        ListView<String> rules = new ListView<>(model.maskingRules());
        rules.setId("governance-masking");
        rules.setPrefHeight(80);
        rules.setPlaceholder(new Label("No masking rules apply to this topic (feedlens masking add …)."));
        getChildren().addAll(form, status, new Label("Masking rules that apply to this topic"), rules);
    }

    /** The topic list's Owner and Classification columns; they follow the governance file as it changes. */
    public static List<TableColumn<TopicSummary, String>> topicColumns(GovernanceViewModel model) {
        TableColumn<TopicSummary, String> owner = new TableColumn<>("Owner");
        owner.setId("column-owner");
        owner.setPrefWidth(120);
        owner.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> dash(model.governanceProperty().get().topic(c.getValue().name()).owner()), model.governanceProperty()));
        TableColumn<TopicSummary, String> classification = new TableColumn<>("Classification");
        classification.setId("column-classification");
        classification.setPrefWidth(130);
        classification.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            Classification kind = model.governanceProperty().get().topic(c.getValue().name()).classification();
            return kind == null ? "—" : kind.words();
        }, model.governanceProperty()));
        return List.of(owner, classification);
    }

    private static String dash(String text) {
        return text == null ? "—" : text;
    }
}
