package org.feedhub.claim;

/** The claims of a holder that is gone, freed by this instance. */
public record Takeover(Holder holder, Verdict verdict, int sources) {

    public String describe() {
        return "took over "
                + holder.describe()
                + ": "
                + verdict.reason()
                + "; "
                + sources
                + (sources == 1 ? " source it had claimed is" : " sources it had claimed are")
                + " polled again";
    }
}
