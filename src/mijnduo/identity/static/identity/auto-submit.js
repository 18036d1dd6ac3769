// Sends the SAML form on to the broker at once; without JavaScript the button does it.
document.getElementById("saml-post-binding").submit();
