package se.trygghetsnav.est.group;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** The categories every group starts with; a group may add its own. */
public final class Categories {

    /** The default list, in the order the weekly picture shows it. */
    public static final List<Category> DEFAULTS = List.of(
            new Category("vandalism", "Skadegörelse (inkl. klotter, krossat glas och brand)", true),
            new Category("disturbing-gatherings", "Störande samlingar", true),
            new Category("fights-and-violence", "Slagsmål och våld", true),
            new Category("threats", "Hot", true),
            new Category("suspected-drug-dealing", "Misstänkt narkotikaförsäljning", true),
            new Category("burglary-and-robbery", "Inbrott och rån", true),
            new Category("reckless-driving", "Vårdslös körning", true),
            new Category("unsafe-place", "Otrygg plats (belysning, nedskräpning, öde)", true),
            new Category("incident-against-staff", "Händelse mot personal", true),
            new Category("rumours-and-social-media", "Rykten/sociala medier", true),
            new Category("event", "Evenemang", true));

    private Categories() {
    }

    /**
     * A code for a group's own category from its label: lower case ASCII words joined by hyphens, Swedish
     * letters folded ("Nedskräpning vid återvinning" becomes {@code nedskrapning-vid-atervinning}).
     */
    public static String codeFor(String label) {
        String folded = Normalizer.normalize(label.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String code = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        return code.length() > 60 ? code.substring(0, 60).replaceAll("-+$", "") : code;
    }
}
