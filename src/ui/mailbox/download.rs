//! Saving an attachment: its octets in a `Blob`, a local object URL (`blob:`, no network
//! request), a click on a temporary link, and the URL revoked once the download has begun.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long the object URL lives after the click (the download reads it meanwhile).
const REVOKE_AFTER_MS: i32 = 30_000;

/// Offers `data` for download as `name`, byte for byte.
pub fn download(name: &str, content_type: &str, data: &[u8]) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(data));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link = document
        .create_element("a")?
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| JsValue::from_str("not an element"))?;
    link.set_attribute("href", &url)?;
    link.set_attribute("download", name)?;
    link.click();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    )?;
    Ok(())
}
