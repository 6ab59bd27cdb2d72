package io.feedlens.views.clusters;

import io.feedlens.app.cluster.BrokerNode;
import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.views.shell.ActiveCluster;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Clusters screen: saved connections on the left, the selected one's form and its cluster overview on the right.
 * Only builds controls and binds them; everything it does is a {@link ClustersViewModel} command.
 */
public final class ClustersView extends BorderPane {

    public static final String STYLE_CLASS = "clusters-view";

    private final ClustersViewModel model;
    /** Asks which client.properties to import; null when the person cancels. A test hands in its file instead of a native dialog. */
    private java.util.function.Function<javafx.stage.Window, java.nio.file.Path> clientPropertiesChooser = ClustersView::chooseClientProperties;

    public ClustersView(ClustersViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE_CLASS);
        SplitPane split = new SplitPane(profileList(), new VBox(16, profileForm(), new OverviewPane(model.activeCluster())));
        split.setDividerPositions(0.3);
        setCenter(split);
    }

    /** Replaces the file dialog of "Import client.properties…" (the native one cannot be driven by a test robot). */
    public void chooseClientPropertiesWith(java.util.function.Function<javafx.stage.Window, java.nio.file.Path> chooser) {
        clientPropertiesChooser = chooser;
    }

    private static java.nio.file.Path chooseClientProperties(javafx.stage.Window owner) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Import a Kafka client.properties");
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("Properties", "*.properties", "*.conf", "*.cfg"),
                new javafx.stage.FileChooser.ExtensionFilter("Any file", "*"));
        java.io.File chosen = chooser.showOpenDialog(owner);
        return chosen == null ? null : chosen.toPath();
    }

    private VBox profileList() {
        ListView<ClusterProfile> list = new ListView<>(model.profiles());
        list.setId("profiles");
        list.setPlaceholder(new Label("No saved connections yet.\nAdd one, or start the demo cluster."));
        list.setCellFactory(view -> new ProfileCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, before, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = Icons.on(new Button("New connection"), Feather.PLUS);
        add.setId("new-profile");
        add.setOnAction(e -> model.newProfile());
        Button remove = Icons.on(new Button("Remove"), Feather.TRASH_2);
        remove.setId("remove-profile");
        remove.disableProperty().bind(model.selectedProperty().isNull());
        remove.setOnAction(e -> model.removeSelected());
        Button demo = Icons.on(new Button("Start demo cluster"), Feather.ZAP);
        demo.setId("start-demo");
        demo.getStyleClass().add("accent");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.disableProperty().bind(model.canStartDemo().not());
        demo.textProperty().bind(Bindings.when(model.demoStartingProperty()).then("Starting demo cluster…")
                .otherwise(Bindings.when(model.demoRunningProperty()).then("Demo cluster running").otherwise("Start demo cluster")));
        demo.setOnAction(e -> model.startDemo());

        Label title = new Label("Connections");
        title.getStyleClass().add("title-4");
        // Buttons keep their words; the list beside them gives way instead.
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, title, list, new HBox(8, add, remove), demo);
        box.setPadding(new Insets(12));
        return box;
    }

    private VBox profileForm() {
        TextField name = new TextField();
        name.setId("profile-name");
        name.setPromptText("e.g. Payments staging");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField bootstrap = new TextField();
        bootstrap.setId("bootstrap-servers");
        bootstrap.setPromptText("host1:9092,host2:9092");
        bootstrap.textProperty().bindBidirectional(model.bootstrapServersProperty());
        TextArea properties = new TextArea();
        properties.setId("client-properties");
        properties.setPromptText("Further Kafka client properties, one name=value a line (e.g. sasl.oauthbearer.*, ssl.endpoint.identification.algorithm=)");
        properties.setPrefRowCount(4);
        properties.textProperty().bindBidirectional(model.clientPropertiesProperty());

        CheckBox writable = new CheckBox("Writable connection (allows offset resets)");
        writable.setId("profile-writable");
        writable.setTooltip(new javafx.scene.control.Tooltip("Off: FeedLens only reads from this cluster. "
                + "On: offset resets may be applied, each after a dry run and a confirmation."));
        writable.selectedProperty().bindBidirectional(model.writableProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(200, 480, Double.MAX_VALUE));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Bootstrap servers"), bootstrap);
        grid.addRow(2, new Label("Client properties"), properties);
        grid.addRow(3, new Label("Writes"), writable);

        Button importFile = Icons.on(new Button("Import client.properties…"), Feather.UPLOAD);
        importFile.setId("import-client-properties");
        importFile.setOnAction(e -> {
            java.nio.file.Path chosen = clientPropertiesChooser.apply(getScene().getWindow());
            if (chosen != null) {
                model.importClientProperties(chosen);
            }
        });

        Button save = Icons.on(new Button("Save"), Feather.SAVE);
        save.setId("save-profile");
        save.disableProperty().bind(model.canSave().not());
        save.setOnAction(e -> model.saveProfile());
        Button connect = Icons.on(new Button("Connect"), Feather.LINK);
        connect.setId("connect");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.canSave().not()
                .or(model.activeCluster().stateProperty().isEqualTo(ActiveCluster.State.CONNECTING)));
        connect.setOnAction(e -> model.connect());

        Label problem = new Label();
        problem.setId("clusters-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.when(model.problemProperty().isEmpty())
                .then("").otherwise(Bindings.concat("⚠ ", model.problemProperty())));
        problem.visibleProperty().bind(model.problemProperty().isEmpty().not());
        problem.managedProperty().bind(problem.visibleProperty());

        Label title = new Label("Connection");
        title.getStyleClass().add("title-4");
        VBox box = new VBox(10, title, grid, new SecuritySection(model), new HBox(8, save, connect, importFile), problem);
        box.setPadding(new Insets(12, 12, 0, 12));
        return box;
    }

    /** A saved profile as a line: its name and, quieter, where it points. */
    private static final class ProfileCell extends ListCell<ClusterProfile> {
        @Override
        protected void updateItem(ClusterProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label address = new Label(profile.bootstrapServers());
            address.getStyleClass().add("text-muted");
            setText(null);
            setGraphic(new VBox(2, new Label(profile.name()), address));
        }
    }

    /** The connected cluster: its id, controller, counts and brokers; or what the connection is doing now. */
    static final class OverviewPane extends VBox {

        OverviewPane(ActiveCluster cluster) {
            super(10);
            setPadding(new Insets(0, 12, 12, 12));
            Label title = new Label("Cluster overview");
            title.getStyleClass().add("title-4");

            Label state = new Label();
            state.setId("connection-state");
            state.setWrapText(true);
            state.textProperty().bind(cluster.messageProperty());

            Label clusterId = value("overview-cluster-id");
            Label controller = value("overview-controller");
            Label topics = value("overview-topics");
            Label partitions = value("overview-partitions");
            GridPane facts = new GridPane();
            facts.setHgap(12);
            facts.setVgap(6);
            facts.getColumnConstraints().add(new ColumnConstraints(130));
            facts.addRow(0, new Label("Cluster id"), clusterId);
            facts.addRow(1, new Label("Controller"), controller);
            facts.addRow(2, new Label("Topics"), topics);
            facts.addRow(3, new Label("Partitions"), partitions);

            TableView<BrokerNode> brokers = brokerTable();
            VBox.setVgrow(brokers, Priority.ALWAYS);
            facts.visibleProperty().bind(cluster.overviewProperty().isNotNull());
            brokers.visibleProperty().bind(cluster.overviewProperty().isNotNull());

            cluster.overviewProperty().addListener((o, before, overview) -> {
                clusterId.setText(overview == null ? "" : overview.clusterId());
                controller.setText(overview == null ? "" : describeController(overview));
                topics.setText(overview == null ? "" : overview.topicCount() + " (+" + overview.internalTopicCount() + " internal)");
                partitions.setText(overview == null ? "" : String.valueOf(overview.partitionCount()));
                brokers.getItems().setAll(overview == null ? java.util.List.of() : overview.brokers());
            });
            getChildren().addAll(title, state, facts, new Label("Brokers"), brokers);
        }

        private static String describeController(ClusterOverview overview) {
            return overview.controller() == null ? "unknown"
                    : "broker " + overview.controller().id() + " at " + overview.controller().address();
        }

        private static Label value(String id) {
            Label label = new Label();
            label.setId(id);
            label.getStyleClass().add("overview-value");
            return label;
        }

        private static TableView<BrokerNode> brokerTable() {
            TableView<BrokerNode> table = new TableView<>();
            table.setId("brokers");
            table.setPlaceholder(new Label("Connect to see the brokers."));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            TableColumn<BrokerNode, Number> id = new TableColumn<>("Broker id");
            id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
            TableColumn<BrokerNode, String> address = new TableColumn<>("Host:port");
            address.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().address()));
            TableColumn<BrokerNode, String> rack = new TableColumn<>("Rack");
            rack.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rack() == null ? "—" : c.getValue().rack()));
            table.getColumns().add(id);
            table.getColumns().add(address);
            table.getColumns().add(rack);
            table.setPrefHeight(160);
            return table;
        }
    }
}
