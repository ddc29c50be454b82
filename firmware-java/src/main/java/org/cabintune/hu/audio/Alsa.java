package org.cabintune.hu.audio;

/** Whether libasound can be used on this machine. */
public final class Alsa {

    private Alsa() {
    }

    /** Why {@code libasound.so.2} cannot be loaded, or null when it can. */
    public static String unavailableReason() {
        try {
            return AlsaLibrary.CLOSE == null ? "libasound.so.2 has no snd_pcm_close" : null;
        } catch (ExceptionInInitializerError e) {
            return e.getCause() != null ? e.getCause().getMessage() : e.toString();
        } catch (NoClassDefFoundError e) {
            return "libasound.so.2 (ALSA) could not be loaded";
        }
    }
}
