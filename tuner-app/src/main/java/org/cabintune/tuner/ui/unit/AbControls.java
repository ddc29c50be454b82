package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.audition.AuditionSession;

/**
 * The audition panel's A/B and platform preview: the two sides (the unit's profiles, or
 * bypass: the other side's profile flat), whether their loudness is matched, which side plays,
 * each side's loudness through its chain and its trim as the unit reports them; and the
 * platform whose normalisation the master is previewed with, with the gain it applies.
 */
final class AbControls {

    private final AuditionModel model;
    private final JComboBox<String> sideA = new JComboBox<>();
    private final JComboBox<String> sideB = new JComboBox<>();
    private final JCheckBox match = new JCheckBox("Match loudness", true);
    private final JButton setUp = Look.primary("Set up A/B");
    private final JToggleButton playA = new JToggleButton("A");
    private final JToggleButton playB = new JToggleButton("B");
    private final JButton off = new JButton("End A/B");
    private final JLabel lineA = new JLabel(" ");
    private final JLabel lineB = new JLabel(" ");
    private final JLabel matching = Look.hint(" ");
    private final JComboBox<Platform> platform = new JComboBox<>();
    private final JLabel preview = Look.hint(" ");
    private List<String> shownProfiles = List.of();
    private Reply.AbState shownAb;
    /** True while the controls are set from the state, so that setting is not taken for a choice. */
    private boolean following;

    AbControls(AuditionModel model) {
        this.model = model;
        setUp.addActionListener(e -> model.ab((String) sideA.getSelectedItem(), (String) sideB.getSelectedItem(),
                match.isSelected()));
        playA.addActionListener(e -> model.switchTo(Command.Choice.A));
        playB.addActionListener(e -> model.switchTo(Command.Choice.B));
        off.addActionListener(e -> model.switchTo(Command.Choice.OFF));
        Font mono = new Font(Font.MONOSPACED, Font.PLAIN, lineA.getFont().getSize());
        lineA.setFont(mono);
        lineB.setFont(mono);
        platform.addItem(null);
        for (Platform p : Platform.values()) {
            platform.addItem(p);
        }
        platform.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                return super.getListCellRendererComponent(list, value == null ? "None: the master as it is"
                        : ((Platform) value).title() + String.format(Locale.ROOT, " (%.0f LUFS)",
                        ((Platform) value).targetLufs()), index, selected, focus);
            }
        });
        platform.addActionListener(e -> {
            if (!following) {
                model.preview((Platform) platform.getSelectedItem());
            }
        });
    }

    JPanel abSection() {
        JPanel sides = Look.row(new JLabel("A"), sideA, new JLabel("B"), sideB, match, setUp);
        JPanel lines = new JPanel(new GridLayout(2, 1, 0, 2));
        lines.setOpaque(false);
        lines.add(lineA);
        lines.add(lineB);
        JPanel playing = new JPanel(new BorderLayout(Look.GAP, 0));
        playing.setOpaque(false);
        playing.add(Look.row(new JLabel("Play"), playA, playB, off), BorderLayout.WEST);
        playing.add(lines, BorderLayout.CENTER);
        JPanel p = new JPanel(new BorderLayout(0, 6));
        p.setOpaque(false);
        p.add(sides, BorderLayout.NORTH);
        p.add(playing, BorderLayout.CENTER);
        p.add(matching, BorderLayout.SOUTH);
        return Look.section("A/B: two profiles, or a profile and its bypass", Look.framed(p));
    }

    JPanel previewSection() {
        JPanel p = new JPanel(new BorderLayout(Look.GAP, 0));
        p.setOpaque(false);
        p.add(Look.row(new JLabel("Platform"), platform), BorderLayout.WEST);
        p.add(preview, BorderLayout.CENTER);
        return Look.section("Streaming platform preview", p);
    }

    void show(AuditionModel.State s) {
        boolean loaded = s.loaded();
        boolean busy = s.status().isBusy();
        Reply.Audition a = s.audition();
        Reply.AbState ab = loaded ? a.ab() : null;
        following = true;
        try {
            sides(s.profiles(), ab);
            Platform previewed = loaded && a.preview() != null ? a.preview().platform() : null;
            if (!Objects.equals(platform.getSelectedItem(), previewed)) {
                platform.setSelectedItem(previewed);
            }
        } finally {
            following = false;
        }
        boolean choosing = loaded && !busy && !s.profiles().isEmpty();
        sideA.setEnabled(choosing);
        sideB.setEnabled(choosing);
        match.setEnabled(choosing);
        setUp.setEnabled(choosing);
        boolean switchable = ab != null && !busy && ab.matching() != Reply.Matching.MATCHING;
        playA.setEnabled(switchable);
        playB.setEnabled(switchable);
        playA.setSelected(ab != null && ab.active() == Command.Choice.A);
        playB.setSelected(ab != null && ab.active() == Command.Choice.B);
        off.setEnabled(ab != null && !busy);
        lineA.setText(ab == null ? " " : line("A", ab.a(), ab.aLufs(), ab.aTrimDb(), ab.active() == Command.Choice.A));
        lineB.setText(ab == null ? " " : line("B", ab.b(), ab.bLufs(), ab.bTrimDb(), ab.active() == Command.Choice.B));
        matching.setText(ab == null ? (loaded ? "No A/B: the master plays through the profile the unit plays." : " ")
                : switch (ab.matching()) {
                    case MATCHED -> "Matched: both sides play at one integrated loudness; the louder is trimmed.";
                    case MATCHING -> String.format(Locale.ROOT, "Matching the loudness: %.0f %% done; switching waits"
                            + " for it.", 100 * ab.progress());
                    case FAILED -> "Not matched: " + ab.note() + "; both play as they are.";
                    case OFF -> "Not matched (asked not to be): both sides play as they are.";
                });
        platform.setEnabled(loaded && !busy);
        Reply.PreviewState p = loaded ? a.preview() : null;
        preview.setText(p == null ? (loaded ? "The master plays at its own level." : " ")
                : String.format(Locale.ROOT, "%s turns this master %+.1f dB%s.", p.platform().title(), p.gainDb(),
                p.limiter() ? "; its limiter would engage (not run here)" : ""));
    }

    /** Fills the side choices with the unit's profiles and bypass, and shows a new A/B's own sides. */
    private void sides(List<String> profiles, Reply.AbState ab) {
        if (!profiles.equals(shownProfiles)) {
            shownProfiles = profiles;
            List<String> choices = new ArrayList<>(profiles);
            choices.add(AuditionSession.BYPASS);
            Object a = sideA.getSelectedItem();
            Object b = sideB.getSelectedItem();
            sideA.setModel(new DefaultComboBoxModel<>(choices.toArray(String[]::new)));
            sideB.setModel(new DefaultComboBoxModel<>(choices.toArray(String[]::new)));
            sideA.setSelectedItem(a != null && choices.contains(a) ? a : choices.getFirst());
            sideB.setSelectedItem(b != null && choices.contains(b) ? b : AuditionSession.BYPASS);
        }
        if (ab != null && (shownAb == null || !ab.a().equals(shownAb.a()) || !ab.b().equals(shownAb.b()))) {
            sideA.setSelectedItem(ab.a().bypassed() ? AuditionSession.BYPASS : ab.a().profileId());
            sideB.setSelectedItem(ab.b().bypassed() ? AuditionSession.BYPASS : ab.b().profileId());
            match.setSelected(ab.matchLoudness());
        }
        shownAb = ab;
    }

    /** A side as the panel lists it: {@code > A  plain             -26.04 LUFS  trim  0.00 dB}. */
    static String line(String letter, Command.Side side, Double lufs, double trimDb, boolean playing) {
        return String.format(Locale.ROOT, "%s %s  %-24s %s  trim %6.2f dB", playing ? "\u25b6" : " ", letter,
                side.profileId() + (side.bypassed() ? " (bypass)" : ""),
                lufs == null ? "  not measured" : String.format(Locale.ROOT, "%7.2f LUFS", lufs), trimDb);
    }
}
